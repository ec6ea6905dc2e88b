-- The camat and lurah named on a rapor and on the award lists come from the position history of
-- each unit kerja's head (kepegawaian): any change to it tells every instance to read them again.
CREATE OR REPLACE FUNCTION sip_rapor_notify_pejabat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sip_rapor', 'pejabat');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER pegawai_jabatan_pejabat_notify AFTER INSERT OR UPDATE OR DELETE ON pegawai_jabatan
  FOR EACH STATEMENT EXECUTE FUNCTION sip_rapor_notify_pejabat();
--> statement-breakpoint
CREATE TRIGGER pegawai_pejabat_notify AFTER UPDATE ON pegawai
  FOR EACH STATEMENT EXECUTE FUNCTION sip_rapor_notify_pejabat();
--> statement-breakpoint
CREATE TRIGGER jabatan_pejabat_notify AFTER INSERT OR UPDATE OR DELETE ON jabatan
  FOR EACH STATEMENT EXECUTE FUNCTION sip_rapor_notify_pejabat();
--> statement-breakpoint
CREATE TRIGGER unit_kerja_pejabat_notify AFTER INSERT OR UPDATE OR DELETE ON unit_kerja
  FOR EACH STATEMENT EXECUTE FUNCTION sip_rapor_notify_pejabat();
