DROP INDEX `issues_unit_deadline`;--> statement-breakpoint
CREATE INDEX `issues_unit_status_deadline` ON `issues` (`unit_id`,`status`,`deadline`);--> statement-breakpoint
DROP INDEX `activities_county_status_created`;--> statement-breakpoint
CREATE INDEX `activities_county_status_created` ON `activities` (`county_code`,`status`,`created_at`,`id`);