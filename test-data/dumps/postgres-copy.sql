--
-- PostgreSQL database dump
--

\restrict Ls5XBgiDxX7Sbl4K6gh8ysIGpp4tmyXuQmhYHEx5MJrakkcei2nojsjG9FafzdU

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.mood AS ENUM (
    'a',
    'b c',
    'd''e'
);


ALTER TYPE public.mood OWNER TO postgres;

--
-- Name: touch(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.updated := now(); -- a semicolon inside dollar quotes
  RETURN NEW;
END
$$;


ALTER FUNCTION public.touch() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: group; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."group" (
    id integer NOT NULL,
    parent_id integer,
    name character varying(50) NOT NULL
);


ALTER TABLE public."group" OWNER TO postgres;

--
-- Name: membership; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.membership (
    group_id integer NOT NULL,
    value_id integer NOT NULL,
    key character varying(20) DEFAULT 'member'::character varying NOT NULL
);


ALTER TABLE public.membership OWNER TO postgres;

--
-- Name: values; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."values" (
    id integer NOT NULL,
    txt character varying(255),
    empty_or_null character varying(10),
    long_txt text,
    blob bytea,
    i_neg integer,
    i64 bigint,
    u64 numeric(20,0),
    "dec" numeric(20,6),
    price numeric(10,2),
    dbl double precision,
    d date,
    dt timestamp without time zone,
    ts timestamp with time zone,
    t time without time zone,
    y smallint,
    flag boolean,
    e public.mood,
    s text[],
    j jsonb,
    "order" integer,
    "select" character varying(20) DEFAULT 'it''s'::character varying,
    updated timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public."values" OWNER TO postgres;

--
-- Name: v_members; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.v_members AS
 SELECT g.name AS group_name,
    m.key AS role,
    v.txt
   FROM ((public.membership m
     JOIN public."group" g ON ((g.id = m.group_id)))
     JOIN public."values" v ON ((v.id = m.value_id)));


ALTER TABLE public.v_members OWNER TO postgres;

--
-- Name: values_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.values_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.values_id_seq OWNER TO postgres;

--
-- Name: values_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.values_id_seq OWNED BY public."values".id;


--
-- Name: values id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."values" ALTER COLUMN id SET DEFAULT nextval('public.values_id_seq'::regclass);


--
-- Data for Name: group; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."group" (id, parent_id, name) FROM stdin;
3	2	grandchild
1	\N	root
2	1	child
4	1	Ünïcode
\.


--
-- Data for Name: membership; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.membership (group_id, value_id, key) FROM stdin;
1	1	owner
1	2	member
2	2	member
3	5	guest
4	7	it's me
\.


--
-- Data for Name: values; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."values" (id, txt, empty_or_null, long_txt, blob, i_neg, i64, u64, "dec", price, dbl, d, dt, ts, t, y, flag, e, s, j, "order", "select", updated) FROM stdin;
1	plain		\N	\\x	0	0	0	0.000000	0.10	0	2024-02-29	2024-02-29 23:59:59	2024-02-29 23:59:59+00	00:00:00	2024	f	a	{}	{}	1	it's	2026-01-01 00:00:00+00
2	it's "quoted" `ticked`	\N	short	\\x00010203ff	-2147483648	-9223372036854775808	18446744073709551615	12345678901234.123456	-99999999.99	3.141592653589793	1000-01-01	1000-01-01 00:00:00	1970-01-01 00:00:01+00	23:59:59	1901	t	b c	{x,y}	{"a": [1, "two", null], "b": "é"}	2	x	2026-01-01 00:00:00+00
3	back\\slash \\n not a newline \\\\ two	NULL	long text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\nlong text línea 🎉\n	\\x5c27220d0a1a09	2147483647	9223372036854775807	9223372036854775808	-0.000001	0.00	-1e-300	9999-12-31	9999-12-31 23:59:59	2038-01-19 03:14:07+00	12:34:56.5	2155	\N	d'e	{"with space","quote\\"d"}	[]	3	\N	2026-01-01 00:00:00+00
4	line1\nline2\r\n\ttabbed\tend	\\N	no nul here	\N	-1	-4294967296	4294967296	99999999999999.999999	12.50	1.5e+300	\N	\N	\N	\N	\N	\N	\N	\N	\N	4		2026-01-01 00:00:00+00
5	😀 🎉 ü é 中文 Ωμέγα عربى	 	%_ like wildcards \\% \\_	\\xf09f9880	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	null	5	select	2026-01-01 00:00:00+00
6	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	2026-01-01 00:00:00+00
7	semi;colon -- not a comment /* nor this */ $$ nor $tag$ this	x		\\x2f2a	1	1	1	1.000000	1.00	1	2000-01-01	2000-01-01 12:00:00	2000-01-01 12:00:00+00	12:00:00	2000	t	a	{x}	"str"	7	a	2026-01-01 00:00:00+00
\.


--
-- Name: values_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.values_id_seq', 7, true);


--
-- Name: group group_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."group"
    ADD CONSTRAINT group_pkey PRIMARY KEY (id);


--
-- Name: membership membership_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_pkey PRIMARY KEY (group_id, value_id);


--
-- Name: values values_order_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."values"
    ADD CONSTRAINT values_order_key UNIQUE ("order");


--
-- Name: values values_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."values"
    ADD CONSTRAINT values_pkey PRIMARY KEY (id);


--
-- Name: idx_txt; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_txt ON public."values" USING btree (txt);


--
-- Name: values values_touch; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER values_touch BEFORE UPDATE ON public."values" FOR EACH ROW EXECUTE FUNCTION public.touch();


--
-- Name: group group_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."group"
    ADD CONSTRAINT group_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public."group"(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;


--
-- Name: membership membership_group_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_group_id_fkey FOREIGN KEY (group_id) REFERENCES public."group"(id) ON DELETE CASCADE;


--
-- Name: membership membership_value_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.membership
    ADD CONSTRAINT membership_value_id_fkey FOREIGN KEY (value_id) REFERENCES public."values"(id);


--
-- PostgreSQL database dump complete
--

\unrestrict Ls5XBgiDxX7Sbl4K6gh8ysIGpp4tmyXuQmhYHEx5MJrakkcei2nojsjG9FafzdU

