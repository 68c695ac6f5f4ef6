INSERT INTO jobs (id, state) VALUES (1, 'queued'), (2, 'stale'), (3, 'stale');
