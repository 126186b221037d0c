SELECT * FROM read_parquet({files}, hive_partitioning = true, union_by_name = true)
