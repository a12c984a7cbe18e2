CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`attempts` integer NOT NULL,
	`window_started_at` text NOT NULL,
	`admitted_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttle_window` ON `sign_in_throttle` (`window_started_at`);--> statement-breakpoint
DROP TABLE `login_attempts`;