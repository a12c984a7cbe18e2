ALTER TABLE `issues` ADD `reporter_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `issues` ADD `unit_name` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `group_name` text;--> statement-breakpoint
CREATE INDEX `issues_county_open_deadline` ON `issues` (`county_code`,coalesce("deadline", '9999-12-31'),`id`) WHERE "issues"."status" in ('assigned', 'rectifying');--> statement-breakpoint
CREATE INDEX `issues_open_deadline` ON `issues` (coalesce("deadline", '9999-12-31'),`id`) WHERE "issues"."status" in ('assigned', 'rectifying');--> statement-breakpoint
-- data: the names the existing issues point to, copied onto them (hand-written).
UPDATE `issues` SET
  `reporter_name` = coalesce((SELECT `name` FROM `users` WHERE `users`.`id` = `issues`.`reporter_id`), ''),
  `unit_name` = (SELECT `name` FROM `units` WHERE `units`.`id` = `issues`.`unit_id`),
  `group_name` = (SELECT `name` FROM `deputy_groups` WHERE `deputy_groups`.`id` = `issues`.`group_id`);
