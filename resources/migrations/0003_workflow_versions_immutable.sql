-- Published versions are history that calls and analytics refer to: never changed, never removed.
CREATE TRIGGER `workflow_versions_no_update` BEFORE UPDATE ON `workflow_versions`
BEGIN
	SELECT RAISE(ABORT, 'workflow versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `workflow_versions_no_delete` BEFORE DELETE ON `workflow_versions`
BEGIN
	SELECT RAISE(ABORT, 'workflow versions are immutable');
END;
