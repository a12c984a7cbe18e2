CREATE TABLE `account_events` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`changes` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_events_action" CHECK("account_events"."action" in ('update', 'deactivate', 'reactivate'))
);
--> statement-breakpoint
CREATE INDEX `account_events_user_at` ON `account_events` (`user_id`,`at`);--> statement-breakpoint
DROP INDEX `users_county_role_created`;--> statement-breakpoint
DROP INDEX `users_role_created`;--> statement-breakpoint
CREATE INDEX `users_county_role_active_created` ON `users` (`county_code`,`role`,`active`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `users_role_active_created` ON `users` (`role`,`active`,`created_at`,`id`);--> statement-breakpoint
-- data: coverage now counts only deputies on today's roster (active), so active_deputies leaves out ended deputies.
UPDATE `activity_counts` SET active_deputies = (select count(distinct a.deputy_id) from activities a join users u on u.id = a.deputy_id where a.year = activity_counts.year and a.county_code = activity_counts.county_code and a.status = 'confirmed' and u.active = 1);
