CREATE TABLE "rapor_publikasi" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"periode_id" uuid NOT NULL,
	"pemda_kode" text NOT NULL,
	"tahun" integer NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"formula_version" text NOT NULL,
	"framework" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	CONSTRAINT "rapor_publikasi_revision_positive" CHECK ("rapor_publikasi"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "rapor_publikasi" ADD CONSTRAINT "rapor_publikasi_periode_id_periode_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."periode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rapor_publikasi_revision_uq" ON "rapor_publikasi" USING btree ("periode_id","revision");--> statement-breakpoint
-- A published snapshot never changes: a correction is a new revision (DESIGN.md, "Yearly cycle" 5).
CREATE OR REPLACE FUNCTION rapor_publikasi_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rapor_publikasi is immutable (% refused); publish a new revision instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER rapor_publikasi_no_update BEFORE UPDATE OR DELETE ON rapor_publikasi
  FOR EACH ROW EXECUTE FUNCTION rapor_publikasi_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rapor_publikasi_no_truncate BEFORE TRUNCATE ON rapor_publikasi
  FOR EACH STATEMENT EXECUTE FUNCTION rapor_publikasi_refuse_change();
