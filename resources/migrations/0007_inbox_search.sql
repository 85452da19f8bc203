-- Text search of the inbox: any 3+ character fragment of the caller's number or the notes, in
-- any script, through a trigram index kept in step with conversations by triggers (the rows stay
-- in conversations; the index holds only the trigrams). Shorter fragments use LIKE.
CREATE VIRTUAL TABLE `conversations_search` USING fts5(caller, notes, content='conversations', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `conversations_search` (rowid, caller, notes) SELECT rowid, caller, notes FROM `conversations`;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_insert` AFTER INSERT ON `conversations` BEGIN
  INSERT INTO `conversations_search` (rowid, caller, notes) VALUES (new.rowid, new.caller, new.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_delete` AFTER DELETE ON `conversations` BEGIN
  INSERT INTO `conversations_search` (`conversations_search`, rowid, caller, notes) VALUES ('delete', old.rowid, old.caller, old.notes);
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_update` AFTER UPDATE OF caller, notes ON `conversations` BEGIN
  INSERT INTO `conversations_search` (`conversations_search`, rowid, caller, notes) VALUES ('delete', old.rowid, old.caller, old.notes);
  INSERT INTO `conversations_search` (rowid, caller, notes) VALUES (new.rowid, new.caller, new.notes);
END;
