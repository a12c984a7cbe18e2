CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`deputy_id` text NOT NULL,
	`county_code` text NOT NULL,
	`year` integer NOT NULL,
	`date` text NOT NULL,
	`venue` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`policy_talk` integer DEFAULT 0 NOT NULL,
	`opinion` integer DEFAULT 0 NOT NULL,
	`deed` integer DEFAULT 0 NOT NULL,
	`mentoring` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`review_note` text,
	`reviewed_by` text,
	`reviewed_at` text,
	`created_by` text NOT NULL,
	`request_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`deputy_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "activities_venue" CHECK("activities"."venue" is null or "activities"."venue" in ('department', 'enterprise', 'village', 'household', 'community', 'school', 'hospital', 'shop', 'station')),
	CONSTRAINT "activities_status" CHECK("activities"."status" in ('submitted', 'confirmed', 'returned')),
	CONSTRAINT "activities_date" CHECK("activities"."date" is date("activities"."date")),
	CONSTRAINT "activities_outcomes" CHECK("activities"."policy_talk" between 0 and 999 and "activities"."opinion" between 0 and 999 and "activities"."deed" between 0 and 999 and "activities"."mentoring" between 0 and 999)
);
--> statement-breakpoint
CREATE INDEX `activities_created` ON `activities` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `activities_county_created` ON `activities` (`county_code`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `activities_county_status_created` ON `activities` (`county_code`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `activities_deputy_year` ON `activities` (`deputy_id`,`year`,`date`);--> statement-breakpoint
CREATE TABLE `activity_introductions` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`amount_hundredths` integer,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "activity_introductions_type" CHECK("activity_introductions"."type" in ('market_entity', 'green_project', 'funds', 'talent', 'technology')),
	CONSTRAINT "activity_introductions_amount" CHECK(("activity_introductions"."type" = 'funds' and "activity_introductions"."amount_hundredths" is not null and "activity_introductions"."amount_hundredths" > 0) or ("activity_introductions"."type" <> 'funds' and "activity_introductions"."amount_hundredths" is null))
);
--> statement-breakpoint
CREATE INDEX `activity_introductions_activity` ON `activity_introductions` (`activity_id`);--> statement-breakpoint
CREATE TABLE `activity_tags` (
	`activity_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`activity_id`, `tag`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "activity_tags_tag" CHECK("activity_tags"."tag" in ('three_visits', 'five_sends', 'three_solves', 'four_must_visits'))
);
--> statement-breakpoint
CREATE TABLE `catalog` (
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`extra` text,
	`sort` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `code`)
);
--> statement-breakpoint
CREATE TABLE `fields` (
	`year` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`origin` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `code`),
	CONSTRAINT "fields_origin" CHECK("fields"."origin" in ('province', 'city')),
	CONSTRAINT "fields_year" CHECK("fields"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE `five_ones` (
	`id` text PRIMARY KEY NOT NULL,
	`place_code` text NOT NULL,
	`year` integer NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`place_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "five_ones_type" CHECK("five_ones"."type" in ('inspection', 'inquiry', 'resolution', 'evaluation', 'exchange')),
	CONSTRAINT "five_ones_date" CHECK("five_ones"."date" is date("five_ones"."date"))
);
--> statement-breakpoint
CREATE INDEX `five_ones_year_place` ON `five_ones` (`year`,`place_code`,`type`);--> statement-breakpoint
CREATE TABLE `issue_events` (
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
	CONSTRAINT "issue_events_action" CHECK("issue_events"."action" in ('create', 'assign', 'reject', 'accept', 'decline', 'progress', 'complete', 'verify', 'return', 'extend', 'comment')),
	CONSTRAINT "issue_events_to" CHECK("issue_events"."to_status" in ('reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected')),
	CONSTRAINT "issue_events_from" CHECK("issue_events"."from_status" is null or "issue_events"."from_status" in ('reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `issue_events_issue_at` ON `issue_events` (`issue_id`,`at`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'problem' NOT NULL,
	`year` integer NOT NULL,
	`field_code` text NOT NULL,
	`county_code` text NOT NULL,
	`township` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`source` text NOT NULL,
	`found_on` text NOT NULL,
	`reporter_id` text NOT NULL,
	`unit_id` text,
	`requirement` text,
	`deadline` text,
	`status` text DEFAULT 'reported' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`closed_on` text,
	`closed_on_time` integer,
	`request_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`year`,`field_code`) REFERENCES `fields`(`year`,`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "issues_kind" CHECK("issues"."kind" in ('problem', 'suggestion')),
	CONSTRAINT "issues_source" CHECK("issues"."source" in ('inspection', 'interview', 'survey', 'spot_check', 'public_report', 'petition', 'deputy')),
	CONSTRAINT "issues_status" CHECK("issues"."status" in ('reported', 'assigned', 'rectifying', 'rectified', 'closed', 'rejected')),
	CONSTRAINT "issues_progress" CHECK("issues"."progress" between 0 and 100),
	CONSTRAINT "issues_found_on" CHECK("issues"."found_on" is date("issues"."found_on")),
	CONSTRAINT "issues_deadline" CHECK("issues"."deadline" is null or "issues"."deadline" is date("issues"."deadline")),
	CONSTRAINT "issues_assigned_has_unit" CHECK("issues"."status" in ('reported', 'rejected') or "issues"."unit_id" is not null),
	CONSTRAINT "issues_closed" CHECK(("issues"."status" = 'closed') = ("issues"."closed_on" is not null))
);
--> statement-breakpoint
CREATE INDEX `issues_created` ON `issues` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `issues_county_created` ON `issues` (`county_code`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `issues_county_status_deadline` ON `issues` (`county_code`,`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `issues_unit_deadline` ON `issues` (`unit_id`,`deadline`);--> statement-breakpoint
CREATE INDEX `issues_reporter_created` ON `issues` (`reporter_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`phone` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `places` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_code` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "places_kind" CHECK("places"."kind" in ('city', 'county')),
	CONSTRAINT "places_code" CHECK(length("places"."code") = 6 and "places"."code" not glob '*[^0-9]*')
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`county_code` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_county_name` ON `units` (`county_code`,`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`role` text NOT NULL,
	`county_code` text,
	`unit_id` text,
	`level` text,
	`deputy_group` text,
	`password_hash` text,
	`must_change_password` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("users"."role" in ('deputy', 'unit', 'county_staff', 'city_staff')),
	CONSTRAINT "users_level" CHECK("users"."level" is null or "users"."level" in ('national', 'provincial', 'city', 'county', 'township')),
	CONSTRAINT "users_phone_format" CHECK(length("users"."phone") = 11 and "users"."phone" not glob '*[^0-9]*' and "users"."phone" glob '1[3-9]*'),
	CONSTRAINT "users_county_required" CHECK("users"."role" = 'city_staff' or "users"."county_code" is not null),
	CONSTRAINT "users_unit_required" CHECK("users"."role" <> 'unit' or "users"."unit_id" is not null),
	CONSTRAINT "users_level_required" CHECK("users"."role" <> 'deputy' or "users"."level" is not null),
	CONSTRAINT "users_flags" CHECK("users"."must_change_password" in (0, 1) and "users"."active" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone` ON `users` (`phone`);--> statement-breakpoint
CREATE INDEX `users_county_role_created` ON `users` (`county_code`,`role`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `users_role_created` ON `users` (`role`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `users_unit` ON `users` (`unit_id`);