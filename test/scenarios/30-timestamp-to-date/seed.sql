INSERT INTO bookings (id, starts) VALUES (1, '2024-05-01 00:00:00'), (2, '2024-05-02 14:30:00'), (3, NULL);
