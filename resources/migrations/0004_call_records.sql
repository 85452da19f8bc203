CREATE TABLE `call_tags` (
	`call_id` text NOT NULL,
	`tag` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`call_id`, `tag`)
);
--> statement-breakpoint
CREATE INDEX `call_tags_tag` ON `call_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `callbacks` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`number` text NOT NULL,
	`team_id` text,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`requested_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `callbacks_status` ON `callbacks` (`status`,`requested_at`);--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`to` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sms_outbox_status` ON `sms_outbox` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `voicemails` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`caller` text NOT NULL,
	`file` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`team_id` text,
	`heard` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `voicemails_created` ON `voicemails` (`created_at`);