-- Decisions are named in Indonesian like every other state (docs/conventions.md):
-- accepted -> diterima, corrected -> dikoreksi, rejected -> ditolak. Audit rows keep what they said.
ALTER TABLE "laporan_entry" DROP CONSTRAINT "laporan_entry_decision";--> statement-breakpoint
UPDATE "laporan_entry" SET "decision" = CASE "decision"
  WHEN 'accepted' THEN 'diterima' WHEN 'corrected' THEN 'dikoreksi' WHEN 'rejected' THEN 'ditolak' ELSE "decision" END
  WHERE "decision" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "laporan_entry" ADD CONSTRAINT "laporan_entry_decision" CHECK ("laporan_entry"."decision" <> 'dikoreksi' or "laporan_entry"."corrected_value" is not null);
