INSERT INTO shipments (id, state) VALUES (1, 'new'), (2, 'sent');
