CREATE TABLE `lines` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`registrar` text NOT NULL,
	`username` text NOT NULL,
	`auth_username` text,
	`transport` text NOT NULL,
	`numbers` text NOT NULL,
	`enabled` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
