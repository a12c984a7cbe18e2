ALTER TABLE `five_ones` ADD `request_hash` text;--> statement-breakpoint
ALTER TABLE `five_ones` ADD `created_by_request` text;