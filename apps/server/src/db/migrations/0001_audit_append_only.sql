-- The audit log and the member timeline are append-only: corrections are new rows, never edits.
CREATE OR REPLACE FUNCTION zhibu_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER member_events_append_only BEFORE UPDATE OR DELETE ON member_events
  FOR EACH ROW EXECUTE FUNCTION zhibu_refuse_change();
