CREATE TABLE `deputy_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`county_code` text NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`theme` text DEFAULT '' NOT NULL,
	`leader_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deputy_groups_year" CHECK("deputy_groups"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deputy_groups_county_year_name` ON `deputy_groups` (`county_code`,`year`,`name`);--> statement-breakpoint
CREATE INDEX `deputy_groups_year_county` ON `deputy_groups` (`year`,`county_code`,`name`);--> statement-breakpoint
CREATE TABLE `group_fields` (
	`group_id` text NOT NULL,
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`field_code` text NOT NULL,
	PRIMARY KEY(`group_id`, `field_code`),
	FOREIGN KEY (`group_id`) REFERENCES `deputy_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`year`,`field_code`) REFERENCES `fields`(`year`,`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_fields_year_county_field` ON `group_fields` (`year`,`county_code`,`field_code`);--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` text NOT NULL,
	`deputy_id` text NOT NULL,
	PRIMARY KEY(`group_id`, `deputy_id`),
	FOREIGN KEY (`group_id`) REFERENCES `deputy_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_members_deputy` ON `group_members` (`deputy_id`,`group_id`);--> statement-breakpoint
-- data: each distinct free-text 代表小组 of a county's deputies on today's roster becomes a group of that county for the current year (Asia/Shanghai), with those deputies as its members and no leader yet; it covers the year's fields whose names its name contains.
INSERT INTO `deputy_groups` (`id`, `county_code`, `year`, `name`, `theme`, `leader_id`, `created_at`, `updated_at`, `version`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  g.county_code, cast(strftime('%Y', 'now', '+8 hours') as integer), g.name, '', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
FROM (SELECT DISTINCT `county_code`, trim(`deputy_group`) AS name FROM `users` WHERE `role` = 'deputy' AND `active` = 1 AND `county_code` IS NOT NULL AND trim(coalesce(`deputy_group`, '')) <> '') AS g;--> statement-breakpoint
INSERT INTO `group_members` (`group_id`, `deputy_id`)
SELECT g.`id`, u.`id` FROM `users` u JOIN `deputy_groups` g ON g.`county_code` = u.`county_code` AND g.`name` = trim(u.`deputy_group`)
WHERE u.`role` = 'deputy' AND u.`active` = 1;--> statement-breakpoint
INSERT INTO `group_fields` (`group_id`, `year`, `county_code`, `field_code`)
SELECT g.`id`, g.`year`, g.`county_code`, f.`code` FROM `deputy_groups` g JOIN `fields` f ON f.`year` = g.`year` AND instr(g.`name`, f.`name`) > 0;
