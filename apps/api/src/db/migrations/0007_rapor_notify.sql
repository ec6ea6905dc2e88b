-- Every API instance caches the running rapor of a periode per unit and the published snapshot;
-- any change that alters a rapor tells them all (LISTEN sip_rapor) what to forget:
--   laporan:<periode_id>:<wilayah_kode>   a report changed state or submission time
--   skm:<wilayah_kode>                    an SKM response was counted or voided (the unit's IKM)
--   publikasi:<periode_id>                a periode was published or revised
--   wilayah                               wilayah were imported or renamed (names on the rapor)
CREATE OR REPLACE FUNCTION sip_rapor_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'laporan' THEN
    PERFORM pg_notify('sip_rapor', 'laporan:' || NEW.periode_id::text || ':' || NEW.wilayah_kode);
  ELSIF TG_TABLE_NAME = 'skm_responses' THEN
    PERFORM pg_notify('sip_rapor', 'skm:' || NEW.wilayah_kode);
  ELSIF TG_TABLE_NAME = 'rapor_publikasi' THEN
    PERFORM pg_notify('sip_rapor', 'publikasi:' || NEW.periode_id::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER laporan_rapor_notify AFTER INSERT OR UPDATE ON laporan
  FOR EACH ROW EXECUTE FUNCTION sip_rapor_notify();
--> statement-breakpoint
CREATE TRIGGER skm_responses_rapor_notify AFTER INSERT OR UPDATE ON skm_responses
  FOR EACH ROW EXECUTE FUNCTION sip_rapor_notify();
--> statement-breakpoint
CREATE TRIGGER rapor_publikasi_rapor_notify AFTER INSERT ON rapor_publikasi
  FOR EACH ROW EXECUTE FUNCTION sip_rapor_notify();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sip_rapor_notify_wilayah() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sip_rapor', 'wilayah');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER wilayah_rapor_notify AFTER INSERT OR UPDATE ON wilayah
  FOR EACH STATEMENT EXECUTE FUNCTION sip_rapor_notify_wilayah();
