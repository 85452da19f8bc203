CREATE TABLE `call_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` text NOT NULL,
	`workflow_id` text NOT NULL,
	`version_id` text NOT NULL,
	`step_id` text,
	`kind` text NOT NULL,
	`outcome` text,
	`detail` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `call_events_workflow_at` ON `call_events` (`workflow_id`,`at`);--> statement-breakpoint
CREATE INDEX `call_events_call` ON `call_events` (`call_id`);--> statement-breakpoint
CREATE TABLE `number_bindings` (
	`line_id` text,
	`number` text NOT NULL,
	`workflow_id` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `lines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_bindings_line_number` ON `number_bindings` (`line_id`,`number`) WHERE "number_bindings"."line_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `number_bindings_any_line_number` ON `number_bindings` (`number`) WHERE "number_bindings"."line_id" is null;--> statement-breakpoint
CREATE TABLE `prompts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`language` text,
	`text` text,
	`voice` text,
	`file` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`sample_rate` integer DEFAULT 8000 NOT NULL,
	`content_hash` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `prompts_content_hash` ON `prompts` (`content_hash`);--> statement-breakpoint
CREATE TABLE `workflow_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`number` integer NOT NULL,
	`definition` text NOT NULL,
	`note` text NOT NULL,
	`author` text NOT NULL,
	`restored_from_id` text,
	`published_at` text NOT NULL,
	FOREIGN KEY (`workflow_id`) REFERENCES `workflows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`restored_from_id`) REFERENCES `workflow_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflow_versions_number` ON `workflow_versions` (`workflow_id`,`number`);--> statement-breakpoint
CREATE TABLE `workflows` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`trigger_kind` text NOT NULL,
	`draft` text NOT NULL,
	`draft_updated_at` text NOT NULL,
	`priority` integer NOT NULL,
	`live_version_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`live_version_id`) REFERENCES `workflow_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflows_priority` ON `workflows` (`priority`) WHERE "workflows"."deleted_at" is null;