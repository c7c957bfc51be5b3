/** The fictional retailer's world: what it sells, where, to whom, and who answers the phone. */
export const PRODUCTS = [
  'Lumo Speaker',
  'Lumo Buds',
  'Kettle Pro',
  'AirPure 300',
  'FitBand 2',
  'Nimbus Lamp',
  'Orbit Vacuum',
  'Cosy Throw',
  'Trail Jacket',
  'Brew Mate',
] as const;

export const REGIONS = ['north-america', 'emea', 'apac', 'latam'] as const;
export const REGION_WEIGHTS = [0.42, 0.33, 0.17, 0.08] as const;

export const SEGMENTS = ['consumer', 'smb', 'enterprise'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const SEGMENT_WEIGHTS = [0.72, 0.21, 0.07] as const;

/** Median annual value per segment; values are log-normal around it, so a few customers weigh a lot. */
export const SEGMENT_MEDIAN_VALUE: Readonly<Record<Segment, number>> = {
  consumer: 320,
  smb: 4800,
  enterprise: 85000,
};

export const AGENT_NAMES = ['Dana', 'Priya', 'Marco', 'Lena', 'Sam', 'Tomasz', 'Aisha', 'Jordan', 'Keiko', 'Luis'] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const PHONES = ['iPhone 13', 'Pixel 7', 'Galaxy S22', 'iPad', 'old Android phone', 'Moto G'] as const;

export const PROMO_CODES = ['SAVE20', 'WELCOME10', 'SPRING15', 'LUMO25', 'FREESHIP'] as const;

export const FIRST_NAMES = ['alex', 'maria', 'john', 'fatima', 'wei', 'olga', 'sean', 'nadia', 'peter', 'chloe'] as const;
export const LAST_NAMES = ['smith', 'garcia', 'nguyen', 'khan', 'muller', 'rossi', 'brown', 'silva', 'kowalski', 'okafor'] as const;
export const MAIL_DOMAINS = ['example.com', 'mail.example.org', 'example.net'] as const;
