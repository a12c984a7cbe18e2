CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`issue_id` text,
	`activity_id` text,
	`event_id` text,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`thumb_type` text,
	`thumb_bytes` integer,
	`thumb_sha256` text,
	`withdrawn_by` text,
	`withdrawn_at` text,
	`withdrawn_reason` text,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "photos_parent" CHECK(("photos"."issue_id" is null) <> ("photos"."activity_id" is null)),
	CONSTRAINT "photos_event" CHECK(("photos"."issue_id" is null) = ("photos"."event_id" is null)),
	CONSTRAINT "photos_content_type" CHECK("photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "photos_thumb" CHECK(("photos"."thumb_sha256" is null) = ("photos"."thumb_type" is null) and ("photos"."thumb_type" is null or "photos"."thumb_type" in ('image/jpeg', 'image/png', 'image/webp'))),
	CONSTRAINT "photos_withdrawn" CHECK(("photos"."withdrawn_at" is null) = ("photos"."withdrawn_by" is null) and ("photos"."withdrawn_at" is null) = ("photos"."withdrawn_reason" is null))
);
--> statement-breakpoint
CREATE INDEX `photos_issue_created` ON `photos` (`issue_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `photos_activity_created` ON `photos` (`activity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `photos_event_withdrawn` ON `photos` (`event_id`,`withdrawn_at`);