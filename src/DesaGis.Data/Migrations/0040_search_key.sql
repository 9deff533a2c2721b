-- The key the village search compares: lower case, common Latin accents folded, everything but letters and digits
-- removed, so "Sungai  Lumbah", "sungai-lumbah" and "Súngai Lumbah" all find the same village.
CREATE FUNCTION desagis.search_key(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(
               lower(translate(t,
                   'ÀÁÂÃÄÅĀàáâãäåāÈÉÊËĒèéêëēÌÍÎÏĪìíîïīÒÓÔÕÖØŌòóôõöøōÙÚÛÜŪùúûüūÑñÇçÝýÿ',
                   'AAAAAAAaaaaaaaEEEEEeeeeeIIIIIiiiiiOOOOOOOoooooooUUUUUuuuuuNnCcYyy')),
               '[^[:alnum:]]+', '', 'g');
$$;

CREATE INDEX ON desagis.desa (desagis.search_key(nama));
