CREATE INDEX `activities_status_created` ON `activities` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `activities_deputy_created` ON `activities` (`deputy_id`,`created_at`,`id`);