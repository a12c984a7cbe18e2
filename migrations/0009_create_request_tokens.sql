ALTER TABLE `activities` ADD `created_by_request` text;--> statement-breakpoint
ALTER TABLE `issues` ADD `created_by_request` text;