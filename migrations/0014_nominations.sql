CREATE TABLE `nominations` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`county_code` text NOT NULL,
	`deputy_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'nominated' NOT NULL,
	`nominated_by` text NOT NULL,
	`confirmed_by` text,
	`confirmed_at` text,
	`request_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `places`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "nominations_status" CHECK("nominations"."status" in ('nominated', 'confirmed', 'withdrawn')),
	CONSTRAINT "nominations_year" CHECK("nominations"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_deputy_year_live` ON `nominations` (`deputy_id`,`year`) WHERE "nominations"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX `nominations_year_county` ON `nominations` (`year`,`county_code`,`created_at`);--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `policy_talk` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `opinion` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `deed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `mentoring` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `venues` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `deputy_year_counts` ADD `introductions` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- data: each deputy's yearly 四个一批, 九进 venues and 五个引进 types from their confirmed activities (bits in the order of VENUES and FIVE_INTRODUCTIONS in worker/core/taxonomy.ts).
UPDATE `deputy_year_counts` SET
  `policy_talk` = (SELECT coalesce(sum(a.`policy_talk`), 0) FROM `activities` a WHERE a.`deputy_id` = `deputy_year_counts`.`deputy_id` AND a.`year` = `deputy_year_counts`.`year` AND a.`status` = 'confirmed'),
  `opinion` = (SELECT coalesce(sum(a.`opinion`), 0) FROM `activities` a WHERE a.`deputy_id` = `deputy_year_counts`.`deputy_id` AND a.`year` = `deputy_year_counts`.`year` AND a.`status` = 'confirmed'),
  `deed` = (SELECT coalesce(sum(a.`deed`), 0) FROM `activities` a WHERE a.`deputy_id` = `deputy_year_counts`.`deputy_id` AND a.`year` = `deputy_year_counts`.`year` AND a.`status` = 'confirmed'),
  `mentoring` = (SELECT coalesce(sum(a.`mentoring`), 0) FROM `activities` a WHERE a.`deputy_id` = `deputy_year_counts`.`deputy_id` AND a.`year` = `deputy_year_counts`.`year` AND a.`status` = 'confirmed'),
  `venues` = (SELECT coalesce(sum(DISTINCT CASE a.`venue` WHEN 'department' THEN 1 WHEN 'enterprise' THEN 2 WHEN 'village' THEN 4 WHEN 'household' THEN 8 WHEN 'community' THEN 16 WHEN 'school' THEN 32 WHEN 'hospital' THEN 64 WHEN 'shop' THEN 128 WHEN 'station' THEN 256 END), 0)
    FROM `activities` a WHERE a.`deputy_id` = `deputy_year_counts`.`deputy_id` AND a.`year` = `deputy_year_counts`.`year` AND a.`status` = 'confirmed'),
  `introductions` = (SELECT coalesce(sum(DISTINCT CASE i.`type` WHEN 'market_entity' THEN 1 WHEN 'green_project' THEN 2 WHEN 'funds' THEN 4 WHEN 'talent' THEN 8 WHEN 'technology' THEN 16 END), 0)
    FROM `activity_introductions` i JOIN `activities` a ON a.`id` = i.`activity_id` WHERE a.`deputy_id` = `deputy_year_counts`.`deputy_id` AND a.`year` = `deputy_year_counts`.`year` AND a.`status` = 'confirmed');
