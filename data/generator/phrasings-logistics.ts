import type { PhrasingBook } from './phrasing-types.js';

/** Delivery and the product itself. */
export const LOGISTICS_PHRASINGS: PhrasingBook = {
  'delivery.late': {
    negative: [
      'My order arrived {days} late.',
      'Still waiting for the {product}, it was supposed to be here on {weekday}.',
      'Delivery was promised within 2 days and it took {days}.',
      'The parcel turned up a week after the estimated date.',
      'Ordered on the 3rd and it only showed up on the 19th.',
      'Shipping took forever, I had to buy a replacement locally.',
      'Missed the delivery window again, second time this month.',
    ],
    positive: ['Delivery was super quick, arrived the next morning.', 'My parcel came a day earlier than expected.'],
  },
  'delivery.lost-package': {
    negative: [
      "My package never arrived, tracking says delivered but there's nothing here.",
      'The parcel has been lost somewhere and nobody can tell me where it is.',
      'Order {order} was marked as delivered but I never received it.',
      "The courier claims they left it at the door, it's just not there.",
      "It's been {days} and the box seems to have vanished.",
      "I never got my {product}, it's gone missing in transit.",
      "Your driver lost my parcel and I'm the one paying for it.",
    ],
    positive: ['They found my missing parcel and got it to me the next day.'],
  },
  'delivery.damaged-item': {
    negative: [
      'The {product} arrived broken, the box was completely crushed.',
      'The screen was cracked when I opened the package.',
      'Item came damaged, looks like it was dropped from a height.',
      'The packaging was soaked and the {product} inside is ruined.',
      'Half the glasses in the set were smashed on arrival.',
      'Box was dented and the casing is scratched all over.',
    ],
    positive: ['Everything arrived well packed and in perfect condition.'],
  },
  'delivery.wrong-item': {
    negative: [
      'I ordered the {product} and got a {product2} instead.',
      'Wrong item in the box, not what I ordered at all.',
      'You sent me the black one when I clearly picked white.',
      "I received someone else's order, different name on the label.",
      'I got the wrong model, I ordered the Pro and this is the basic version.',
      "Opened the box and it's a completely different item.",
    ],
    positive: ['Got exactly what I ordered, right colour and everything.'],
  },
  'delivery.tracking': {
    negative: [
      "The tracking number doesn't work, it says not found.",
      "Tracking hasn't updated in {days}, stuck on 'in transit'.",
      'No way to see where my parcel is, the tracking page is blank.',
      'The tracking link in the email goes to an error page.',
      'The map shows my parcel in another city for the last week.',
      "Can't track my order at all, I just get 'label created'.",
    ],
    positive: ['Loved being able to follow the van live on the tracking map.'],
  },
  'delivery.courier-conduct': {
    negative: [
      'The driver threw the parcel over my gate.',
      'The courier was rude and refused to bring it upstairs.',
      "The delivery guy didn't even knock, just left a card and drove off.",
      'The driver left it out in the rain on the doorstep.',
      'Your courier was shouting at me because I asked him to wait a minute.',
      "The driver left my package with a random neighbour I've never met.",
    ],
    positive: ['The delivery driver was lovely and carried it into the kitchen for me.'],
  },
  'product.defect': {
    negative: [
      'The {product} stopped working after {days}.',
      "It won't turn on any more.",
      "The battery dies within an hour, it's clearly faulty.",
      'The {product} makes a grinding noise and then cuts out.',
      'Mine overheats and shuts itself off.',
      'Bluetooth keeps disconnecting every few minutes, must be a fault.',
      'The power button is faulty, you have to press it ten times.',
    ],
    positive: ['Still working perfectly after two years.'],
  },
  'product.quality': {
    negative: [
      'The material feels cheap and flimsy.',
      'Quality has really gone downhill, the stitching came apart after a few washes.',
      'The build quality is poor, it creaks when you pick it up.',
      'It looks and feels like a cheap knock-off.',
      'The paint started peeling within a week.',
      'Very poorly made, the plastic is thin.',
    ],
    positive: ['The build quality is excellent, feels really solid.', 'Great quality, well made and sturdy.'],
  },
  'product.sizing-fit': {
    negative: [
      'The size chart is way off, I ordered a medium and it fits like an XS.',
      'Runs really small, had to send it back for a bigger size.',
      'The shoes are a full size too big.',
      "It doesn't fit, the sleeves are far too long.",
      'Sizing is inconsistent between your items.',
      "The cover doesn't fit the {product} it says it's made for.",
    ],
    positive: ['Fits perfectly, true to size.'],
  },
  'product.missing-parts': {
    negative: [
      'The box was missing the charging cable.',
      "No screws in the pack, so I can't assemble it.",
      'Parts missing: only three legs came with the table.',
      'It arrived without the instructions or the remote.',
      "The accessory kit listed on the page wasn't included.",
      'Half the pieces were missing from the set.',
    ],
    positive: [],
  },
  'product.not-as-described': {
    negative: [
      "It's nothing like the photos on the website.",
      "The description said waterproof, it's not.",
      'The colour is completely different from the listing.',
      "The product doesn't match the description at all, it's much smaller.",
      "Advertised as stainless steel but it's plastic.",
      'The specs on the page are wrong, it only has 64GB not 128GB.',
    ],
    positive: ['Exactly as described, looks just like the pictures.'],
  },
};
