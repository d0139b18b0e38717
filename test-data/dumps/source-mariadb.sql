-- The test database behind the committed dumps: values that break naive importers.
-- Loaded by make-dumps.sh into a MariaDB database, then dumped with mariadb-dump.
SET NAMES utf8mb4;
SET time_zone = '+00:00';

CREATE TABLE `values` (
  `id` int NOT NULL AUTO_INCREMENT,
  `txt` varchar(255) DEFAULT NULL,
  `empty_or_null` varchar(10) DEFAULT NULL,
  `long_txt` longtext,
  `blob` blob,
  `i_neg` int DEFAULT NULL,
  `i64` bigint DEFAULT NULL,
  `u64` bigint unsigned DEFAULT NULL,
  `dec` decimal(20,6) DEFAULT NULL,
  `price` decimal(10,2) DEFAULT NULL,
  `dbl` double DEFAULT NULL,
  `d` date DEFAULT NULL,
  `dt` datetime DEFAULT NULL,
  `ts` timestamp NULL DEFAULT NULL,
  `t` time DEFAULT NULL,
  `y` year DEFAULT NULL,
  `flag` tinyint(1) DEFAULT NULL,
  `e` enum('a','b c','d''e') DEFAULT NULL,
  `s` set('x','y') DEFAULT NULL,
  `j` json DEFAULT NULL,
  `order` int DEFAULT NULL,
  `select` varchar(20) DEFAULT 'it''s',
  `updated` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_order` (`order`),
  KEY `idx_txt` (`txt`(20)),
  FULLTEXT KEY `ft_long` (`long_txt`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='hard values';

INSERT INTO `values` (id, txt, empty_or_null, long_txt, `blob`, i_neg, i64, u64, `dec`, price, dbl, d, dt, ts, t, y, flag, e, s, j, `order`, `select`, updated) VALUES
(1, 'plain', '', NULL, X'', 0, 0, 0, 0, 0.10, 0, '2024-02-29', '2024-02-29 23:59:59', '2024-02-29 23:59:59', '00:00:00', 2024, 0, 'a', '', '{}', 1, DEFAULT, '2026-01-01 00:00:00'),
(2, 'it''s "quoted" `ticked`', NULL, 'short', X'00010203FF', -2147483648, -9223372036854775808, 18446744073709551615, 12345678901234.123456, -99999999.99, 3.141592653589793, '1000-01-01', '1000-01-01 00:00:00', '1970-01-01 00:00:01', '-838:59:59', 1901, 1, 'b c', 'x,y', '{"a": [1, "two", null], "b": "\\u00e9"}', 2, 'x', '2026-01-01 00:00:00'),
(3, 'back\\slash \\n not a newline \\\\ two', 'NULL', REPEAT('long text línea 🎉\n', 2500), X'5C27220D0A1A09', 2147483647, 9223372036854775807, 9223372036854775808, -0.000001, 0.00, -1e-300, '9999-12-31', '9999-12-31 23:59:59', '2038-01-19 03:14:07', '838:59:59', 2155, NULL, 'd''e', 'y', '[]', 3, NULL, '2026-01-01 00:00:00'),
(4, 'line1\nline2\r\n\ttabbed\tend', '\\N', 'nul\0byte', NULL, -1, -4294967296, 4294967296, 99999999999999.999999, 12.50, 1.5e300, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4, '', '2026-01-01 00:00:00'),
(5, '😀 🎉 ü é 中文 Ωμέγα عربى', ' ', '%_ like wildcards \\% \\_', X'F09F9880', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'null', 5, 'select', '2026-01-01 00:00:00'),
(6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-01-01 00:00:00'),
(7, 'semi;colon -- not a comment /* nor this */ # nor this', 'x', '', X'2F2A', 1, 1, 1, 1, 1.00, 1, '2000-01-01', '2000-01-01 12:00:00', '2000-01-01 12:00:00', '12:00:00', 2000, 1, 'a', 'x', '"str"', 7, 'a', '2026-01-01 00:00:00');

CREATE TABLE `group` (
  `id` int NOT NULL,
  `parent_id` int DEFAULT NULL,
  `name` varchar(50) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `fk_group_parent` (`parent_id`),
  CONSTRAINT `fk_group_parent` FOREIGN KEY (`parent_id`) REFERENCES `group` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

SET FOREIGN_KEY_CHECKS = 0;
INSERT INTO `group` VALUES (3, 2, 'grandchild'), (1, NULL, 'root'), (2, 1, 'child'), (4, 1, 'Ünïcode');
SET FOREIGN_KEY_CHECKS = 1;

CREATE TABLE `membership` (
  `group_id` int NOT NULL,
  `value_id` int NOT NULL,
  `key` varchar(20) NOT NULL DEFAULT 'member',
  PRIMARY KEY (`group_id`, `value_id`),
  KEY `fk_m_value` (`value_id`),
  CONSTRAINT `fk_m_group` FOREIGN KEY (`group_id`) REFERENCES `group` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk_m_value` FOREIGN KEY (`value_id`) REFERENCES `values` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO `membership` VALUES (1, 1, 'owner'), (1, 2, 'member'), (2, 2, 'member'), (3, 5, 'guest'), (4, 7, 'it''s me');

CREATE VIEW `v_members` AS
  SELECT g.`name` AS group_name, m.`key` AS role, v.txt AS txt
  FROM `membership` m JOIN `group` g ON g.id = m.group_id JOIN `values` v ON v.id = m.value_id;
