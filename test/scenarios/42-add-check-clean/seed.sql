INSERT INTO rooms (id, seats) VALUES (1, 10), (2, 0);
