CREATE TABLE `call_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` text NOT NULL,
	`at` text NOT NULL,
	`from_agent_id` text,
	`to_agent_id` text,
	`target` text NOT NULL,
	`attended` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `call_transfers_call` ON `call_transfers` (`call_id`);