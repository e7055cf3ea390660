-- The dues ledger and the dues-profile history are append-only (DESIGN.md "Ledgers are append-only"):
-- a correction is a reversing entry, a new standard is a new profile row. zhibu_refuse_change() is
-- defined in 0001_audit_append_only.
CREATE TRIGGER dues_payments_append_only BEFORE UPDATE OR DELETE ON dues_payments
  FOR EACH ROW EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dues_profiles_append_only BEFORE UPDATE OR DELETE ON dues_profiles
  FOR EACH ROW EXECUTE FUNCTION zhibu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dues_batches_append_only BEFORE UPDATE OR DELETE ON dues_batches
  FOR EACH ROW EXECUTE FUNCTION zhibu_refuse_change();
