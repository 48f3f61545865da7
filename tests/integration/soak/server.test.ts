// The soak on the tier's database (the machine's PostgreSQL in CI, TEST_DATABASE_URL).
import { defineSoak } from "./soak-scenario";

await defineSoak("the test database server");
