INSERT INTO profiles (id, locale) VALUES (1, 'en'), (2, 'fr');
