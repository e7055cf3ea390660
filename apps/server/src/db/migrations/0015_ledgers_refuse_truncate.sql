-- The ledgers are append-only (DESIGN.md): row triggers (0001, 0003) refuse UPDATE and DELETE, but
-- TRUNCATE fires no row trigger, so a statement trigger refuses it too (PostgreSQL 15 and PGlite).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER member_events_no_truncate BEFORE TRUNCATE ON member_events
  FOR EACH STATEMENT EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dues_payments_no_truncate BEFORE TRUNCATE ON dues_payments
  FOR EACH STATEMENT EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dues_profiles_no_truncate BEFORE TRUNCATE ON dues_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dues_batches_no_truncate BEFORE TRUNCATE ON dues_batches
  FOR EACH STATEMENT EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
-- A trigger stops the application's statements, not its owner: whoever owns a table may disable its
-- triggers or drop it. With a separate owner role (ZHIBU_OWNER_DATABASE_URL, see README), the owner
-- runs the migrations and then calls this to give the application's login role only what it needs:
-- read and write the working tables, only read and append the ledgers.
CREATE OR REPLACE FUNCTION zhibu_grant_app(app_role name) RETURNS void AS $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
  EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', app_role);
  EXECUTE format(
    'REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log, member_events, dues_payments, dues_profiles, dues_batches FROM %I',
    app_role
  );
END;
$$ LANGUAGE plpgsql;
