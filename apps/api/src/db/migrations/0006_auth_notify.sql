-- Every API instance caches live sessions for a few seconds; any change to a user, a session or a
-- role assignment tells them all (LISTEN sip_auth) which user to forget.
CREATE OR REPLACE FUNCTION sip_auth_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('sip_auth', COALESCE(NEW.id, OLD.id)::text);
  ELSE
    PERFORM pg_notify('sip_auth', COALESCE(NEW.user_id, OLD.user_id)::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_auth_notify AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION sip_auth_notify();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_notify AFTER UPDATE OF revoked_at, expires_at ON sessions
  FOR EACH ROW EXECUTE FUNCTION sip_auth_notify();
--> statement-breakpoint
CREATE TRIGGER role_assignments_auth_notify AFTER INSERT OR UPDATE OR DELETE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION sip_auth_notify();
