INSERT INTO members (status) VALUES ('active'), ('banned'), (NULL);
INSERT INTO notes (id, body, member_id) VALUES (1, 'hi', 1), (2, 'bye', 3), (3, 'none', NULL);
