package dev.accord.bench.harness;

/** What a mode of {@code ./accord bench} runs: loads are open-model (constant arrival rate), sizes in records/rows/s. */
record BenchPlan(String mode, int rounds, int kafkaRecords, int pgRows, int ingestClients, int ingestWarmupS, int ingestS,
        int catalogEvents, int catalogTimeoutS, int settleS, int fillTo, int queryRate, int queryWarmupS, int queryS, int e2eS,
        int drainS, String jmhExtraction, String jmhMatching, int idleS, String distinctRates, String burstRates, int pipelineS,
        int pipelineWarmupS, int floorRecords) {

    static BenchPlan full() {
        return new BenchPlan("full", 3, 300_000, 30_000, 16, 10, 20, 20_000, 300, 600, 100_000, 200, 5, 15, 20, 60,
                "-p article=seed", "-bm sample", 5, "10,25,50,100,150,200,250", "10,25,50,100,150", 15, 20, 20_000);
    }

    /**
     * One round of shorter loads, under 5 minutes on a quiet machine (CI runs it as a smoke test). Each pipeline
     * scenario runs at one rate: the smoke test checks that every step reports, not where capacity lies.
     */
    static BenchPlan quick() {
        return new BenchPlan("quick", 1, 50_000, 5_000, 16, 4, 8, 2_000, 60, 180, 0, 200, 1, 2, 1, 30,
                "-p article=seed -f 1 -wi 1 -w 1 -i 3 -r 1", "-bm sample -f 1 -wi 1 -w 1 -i 3 -r 1", 5, "50", "50", 2, 2,
                2_000);
    }

    String rates(String scenario) {
        return scenario.equals("distinct") ? distinctRates : burstRates;
    }
}
