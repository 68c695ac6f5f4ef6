INSERT INTO audit_a (id, at, what) VALUES (1, '2024-01-01 10:00+00', 'login');
INSERT INTO audit_b (id, at, what) VALUES (1, '2024-01-02 10:00+00', 'logout'), (2, '2024-01-03 10:00+00', 'login');
