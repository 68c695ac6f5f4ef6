INSERT INTO settings (id, payload) VALUES (1, '{"a": 1}'), (2, '[1, 2]'), (3, '{broken'), (4, NULL);
