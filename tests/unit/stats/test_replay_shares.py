from aiokafka import TopicPartition

from hoanhap_stats.rebuild.replay import deal

TOPICS = ("credit", "registry", "supervision")
PARTITIONS = sorted(TopicPartition(topic, partition) for topic in TOPICS for partition in range(3))


def test_every_partition_is_replayed_by_exactly_one_process():
    for processes in range(1, 12):
        shares = deal(PARTITIONS, processes)
        dealt = [tp for share in shares for tp in share]
        assert sorted(dealt) == PARTITIONS and len(set(dealt)) == len(dealt)


def test_each_topic_is_spread_over_as_many_processes_as_it_has_partitions():
    shares = deal(PARTITIONS, 3)
    for topic in TOPICS:
        assert [sum(tp.topic == topic for tp in share) for share in shares] == [1, 1, 1]


def test_no_process_is_started_without_a_partition():
    assert len(deal(PARTITIONS, 20)) == len(PARTITIONS)
    assert deal([], 3) == []
