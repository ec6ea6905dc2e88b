-- The rapor cache keeps each periode's head (state, version, settings) beside its running rapor:
--   periode:<id>   a periode was created or changed (framework, settings, state)
CREATE OR REPLACE FUNCTION sip_rapor_notify_periode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sip_rapor', 'periode:' || NEW.id::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER periode_rapor_notify AFTER INSERT OR UPDATE ON periode
  FOR EACH ROW EXECUTE FUNCTION sip_rapor_notify_periode();
