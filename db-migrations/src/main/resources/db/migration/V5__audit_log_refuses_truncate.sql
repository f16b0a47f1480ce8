-- V5: the audit log refuses TRUNCATE too (V2's trigger stops UPDATE and DELETE row by row, which a
-- TRUNCATE of the table never fires). Old months still go by retention, which drops partitions.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION ms5_refuse_change();
