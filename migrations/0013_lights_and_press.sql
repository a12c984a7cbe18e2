CREATE TABLE `seen_markers` (
	`user_id` text PRIMARY KEY NOT NULL,
	`issues_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `year_settings` (
	`year` integer PRIMARY KEY NOT NULL,
	`due_soon_days` integer NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "year_settings_due_soon_days" CHECK("year_settings"."due_soon_days" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE `deadline_counts` (
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`deadline` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `county_code`, `dimension`, `key`, `deadline`),
	CONSTRAINT "deadline_counts_dimension" CHECK("deadline_counts"."dimension" in ('county', 'field', 'township', 'unit'))
);
--> statement-breakpoint
CREATE INDEX `deadline_counts_key_deadline` ON `deadline_counts` (`dimension`,`key`,`deadline`);--> statement-breakpoint
-- issue_events is rebuilt for its new action (press); D1 refuses PRAGMA foreign_keys, and no table references issue_events, so deferring the checks to the end is enough.
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_issue_events` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "issue_events_action" CHECK("__new_issue_events"."action" in ('create', 'assign', 'reject', 'accept', 'decline', 'progress', 'complete', 'verify', 'return', 'extend', 'comment', 'press')),
	CONSTRAINT "issue_events_to" CHECK("__new_issue_events"."to_status" in ('reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected')),
	CONSTRAINT "issue_events_from" CHECK("__new_issue_events"."from_status" is null or "__new_issue_events"."from_status" in ('reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected'))
);
--> statement-breakpoint
INSERT INTO `__new_issue_events`("id", "issue_id", "action", "from_status", "to_status", "note", "actor_id", "at", "data") SELECT "id", "issue_id", "action", "from_status", "to_status", "note", "actor_id", "at", "data" FROM `issue_events`;--> statement-breakpoint
DROP TABLE `issue_events`;--> statement-breakpoint
ALTER TABLE `__new_issue_events` RENAME TO `issue_events`;--> statement-breakpoint
CREATE INDEX `issue_events_issue_at` ON `issue_events` (`issue_id`,`at`);--> statement-breakpoint
ALTER TABLE `issues` ADD `press_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `issues` ADD `declined_note` text;--> statement-breakpoint
CREATE INDEX `issues_unit_open_deadline` ON `issues` (`unit_id`,coalesce("deadline", '9999-12-31'),`id`) WHERE "issues"."status" in ('assigned', 'rectifying');--> statement-breakpoint
CREATE INDEX `issues_declined_county_created` ON `issues` (`county_code`,`created_at`,`id`) WHERE "issues"."declined_note" is not null;--> statement-breakpoint
ALTER TABLE `activity_counts` ADD `returned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `returned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- data: the deadline buckets of the items already open, and the returned activities (the same recounts as worker/stats/recount.ts).
INSERT INTO `deadline_counts` (year, county_code, dimension, key, deadline, n) select year, county_code, dimension, key, deadline, count(*) from (select year, county_code, 'county' as dimension, '' as key, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null union all select year, county_code, 'field', field_code, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null union all select year, county_code, 'township', township, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null union all select year, county_code, 'unit', status || ':' || unit_id, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null and unit_id is not null union all select year, county_code, 'unit', 'pressed:' || unit_id, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null and unit_id is not null and press_count > 0) group by year, county_code, dimension, key, deadline;
--> statement-breakpoint
UPDATE `activity_counts` SET returned = (select count(*) from activities a where a.year = activity_counts.year and a.county_code = activity_counts.county_code and a.status = 'returned');
--> statement-breakpoint
INSERT INTO `deputy_year_counts` (deputy_id, year, confirmed, returned) select deputy_id, year, 0, count(*) from activities where status = 'returned' group by deputy_id, year on conflict (deputy_id, year) do update set returned = excluded.returned;
