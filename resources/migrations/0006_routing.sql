CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`extension` text NOT NULL,
	`max_calls` integer DEFAULT 1 NOT NULL,
	`presence` text DEFAULT 'offline' NOT NULL,
	`presence_changed_at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_extension_unique` ON `agents` (`extension`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`line_id` text,
	`caller` text NOT NULL,
	`dialled` text NOT NULL,
	`workflow_id` text,
	`version_id` text,
	`team_id` text,
	`agent_id` text,
	`assignee_id` text,
	`outcome` text DEFAULT 'in_progress' NOT NULL,
	`started_at` text NOT NULL,
	`queued_at` text,
	`answered_at` text,
	`ended_at` text,
	`wait_ms` integer,
	`talk_ms` integer,
	`notes` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversations_started` ON `conversations` (`started_at`);--> statement-breakpoint
CREATE INDEX `conversations_team` ON `conversations` (`team_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `conversations_agent` ON `conversations` (`agent_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `conversations_outcome` ON `conversations` (`outcome`,`started_at`);--> statement-breakpoint
CREATE INDEX `conversations_caller` ON `conversations` (`caller`);--> statement-breakpoint
CREATE TABLE `sms_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sms_id` text NOT NULL,
	`provider` text NOT NULL,
	`ok` integer NOT NULL,
	`detail` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`sms_id`) REFERENCES `sms_outbox`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sms_attempts_sms` ON `sms_attempts` (`sms_id`);--> statement-breakpoint
CREATE TABLE `tag_catalogue` (
	`name` text PRIMARY KEY NOT NULL,
	`color` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `team_members` (
	`team_id` text NOT NULL,
	`agent_id` text NOT NULL,
	PRIMARY KEY(`team_id`, `agent_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_members_agent` ON `team_members` (`agent_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sms_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text,
	`agent_id` text,
	`to` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`sent_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_sms_outbox`("id", "call_id", "to", "text", "status", "created_at") SELECT "id", "call_id", "to", "text", "status", "created_at" FROM `sms_outbox`;--> statement-breakpoint
DROP TABLE `sms_outbox`;--> statement-breakpoint
ALTER TABLE `__new_sms_outbox` RENAME TO `sms_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `sms_outbox_status` ON `sms_outbox` (`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `call_tags` ADD `added_by` text;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `assignee_id` text;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `last_attempt_at` text;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `last_result` text;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `updated_at` text;--> statement-breakpoint
CREATE INDEX `callbacks_call` ON `callbacks` (`call_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `routing` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `voicemails` ADD `assignee_id` text;--> statement-breakpoint
CREATE INDEX `voicemails_call` ON `voicemails` (`call_id`);