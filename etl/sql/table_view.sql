SELECT * FROM read_parquet({glob}, hive_partitioning = true, union_by_name = true)
