CREATE TABLE "pemda_setting" (
	"pemda_kode" text PRIMARY KEY NOT NULL,
	"zona" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "pemda_setting" ADD CONSTRAINT "pemda_setting_pemda_kode_wilayah_kode_fk" FOREIGN KEY ("pemda_kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pemda_setting" ADD CONSTRAINT "pemda_setting_zona_check" CHECK ("zona" IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));
--> statement-breakpoint
-- Periode heads and published answers carry the pemda's zone (the rapor cache keeps them): a changed
-- zone empties the cache (an unknown notice kind clears it; zones change about never).
CREATE OR REPLACE FUNCTION sip_rapor_notify_pemda_setting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sip_rapor', 'pemda:' || NEW.pemda_kode);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pemda_setting_rapor_notify AFTER INSERT OR UPDATE ON pemda_setting
  FOR EACH ROW EXECUTE FUNCTION sip_rapor_notify_pemda_setting();
