INSERT INTO tickets (id, priority) VALUES (1, 'urgent'), (2, 'low'), (3, 'urgent');
