CREATE TABLE `activity_participants` (
	`activity_id` text NOT NULL,
	`deputy_id` text NOT NULL,
	`invited` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`activity_id`, `deputy_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deputy_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_participants_deputy` ON `activity_participants` (`deputy_id`,`activity_id`);--> statement-breakpoint
CREATE TABLE `group_activity_counts` (
	`group_id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`participations` integer DEFAULT 0 NOT NULL,
	`policy_talk` integer DEFAULT 0 NOT NULL,
	`opinion` integer DEFAULT 0 NOT NULL,
	`deed` integer DEFAULT 0 NOT NULL,
	`mentoring` integer DEFAULT 0 NOT NULL,
	`market_entity` integer DEFAULT 0 NOT NULL,
	`green_project` integer DEFAULT 0 NOT NULL,
	`funds` integer DEFAULT 0 NOT NULL,
	`talent` integer DEFAULT 0 NOT NULL,
	`technology` integer DEFAULT 0 NOT NULL,
	`funds_hundredths` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `deputy_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_activity_counts_year_county` ON `group_activity_counts` (`year`,`county_code`);--> statement-breakpoint
-- issue_counts and deadline_counts are rebuilt for their new dimension (group); D1 refuses PRAGMA foreign_keys, and no table references either, so deferring the checks to the end is enough.
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_deadline_counts` (
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`deadline` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `county_code`, `dimension`, `key`, `deadline`),
	CONSTRAINT "deadline_counts_dimension" CHECK("__new_deadline_counts"."dimension" in ('county', 'field', 'township', 'unit', 'group'))
);
--> statement-breakpoint
INSERT INTO `__new_deadline_counts`("year", "county_code", "dimension", "key", "deadline", "n") SELECT "year", "county_code", "dimension", "key", "deadline", "n" FROM `deadline_counts`;--> statement-breakpoint
DROP TABLE `deadline_counts`;--> statement-breakpoint
ALTER TABLE `__new_deadline_counts` RENAME TO `deadline_counts`;--> statement-breakpoint
CREATE INDEX `deadline_counts_key_deadline` ON `deadline_counts` (`dimension`,`key`,`deadline`);--> statement-breakpoint
CREATE TABLE `__new_issue_counts` (
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`dimension` text NOT NULL,
	`key` text NOT NULL,
	`reported` integer DEFAULT 0 NOT NULL,
	`assigned` integer DEFAULT 0 NOT NULL,
	`rectifying` integer DEFAULT 0 NOT NULL,
	`rectified` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`closed_on_time` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `county_code`, `dimension`, `key`),
	CONSTRAINT "issue_counts_dimension" CHECK("__new_issue_counts"."dimension" in ('field', 'township', 'group'))
);
--> statement-breakpoint
INSERT INTO `__new_issue_counts`("year", "county_code", "dimension", "key", "reported", "assigned", "rectifying", "rectified", "closed", "rejected", "closed_on_time") SELECT "year", "county_code", "dimension", "key", "reported", "assigned", "rectifying", "rectified", "closed", "rejected", "closed_on_time" FROM `issue_counts`;--> statement-breakpoint
DROP TABLE `issue_counts`;--> statement-breakpoint
ALTER TABLE `__new_issue_counts` RENAME TO `issue_counts`;--> statement-breakpoint
ALTER TABLE `activities` ADD `group_id` text REFERENCES deputy_groups(id);--> statement-breakpoint
CREATE INDEX `activities_group_created` ON `activities` (`group_id`,`created_at`,`id`) WHERE "activities"."group_id" is not null;--> statement-breakpoint
ALTER TABLE `issues` ADD `group_id` text REFERENCES deputy_groups(id);--> statement-breakpoint
CREATE INDEX `issues_group_created` ON `issues` (`group_id`,`created_at`,`id`) WHERE "issues"."group_id" is not null;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `group_confirmed` integer DEFAULT 0 NOT NULL;