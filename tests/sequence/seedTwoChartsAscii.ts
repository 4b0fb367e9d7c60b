/**
 * The acceptance diagram of tests/fixtures/logs/seed-two-charts-trace.log
 * in our `ascii` renderer: two charts, steps numbered 1-12 in arrival order.
 * One pinned copy for the renderer's test and the CLI's.
 */
export const SEED_TWO_CHARTS_ASCII: readonly string[] = [
  '[Statechart: 04ccc_ao] (A)',
  '      top           outer          inner',
  '       +--start_at()->|              |',
  '       |     (1)      |              |',
  '       |              +--to_inner()->|',
  '       |              |     (3)      |',
  '       |              +<-to_outer()--|',
  '       |              |     (5)      |',
  '       |              +--to_inner()->|',
  '       |              |     (7)      |',
  '       |              +<-to_outer()--|',
  '       |              |     (9)      |',
  '       |              +--to_inner()->|',
  '       |              |     (11)     |',
  '',
  '[Statechart: 2771f_ao] (B)',
  '         top                 outer                inner',
  '          +-----start_at()---->|                    |',
  '          |        (2)         |                    |',
  '          |                    +--other_to_inner()->|',
  '          |                    |        (4)         |',
  '          |                    +<-other_to_outer()--|',
  '          |                    |        (6)         |',
  '          |                    +-----to_inner()---->|',
  '          |                    |        (8)         |',
  '          |                    +<-other_to_outer()--|',
  '          |                    |        (10)        |',
  '          |                    +--other_to_inner()->|',
  '          |                    |        (12)        |',
  '',
];
