// The demo assortment: a small grocery and household store. Prices are in minor units of the
// store's currency; `tax` picks the store's standard, reduced or zero rate.

export type TaxClass = 'standard' | 'reduced' | 'zero';

export interface DemoItem {
  name: string;
  price: number;
  tax: TaxClass;
  /** Sold by count but not stock-counted (services, deposits, gift cards). */
  untracked?: boolean;
}

const sizes = <T extends { name: string; price: number }>(base: T, list: [string, number][]) =>
  list.map(([size, factor]) => ({
    ...base,
    name: `${base.name} ${size}`,
    price: Math.round(base.price * factor),
  }));

const drinks: DemoItem[] = [
  ...sizes({ name: 'Still Mineral Water', price: 59, tax: 'standard' as const }, [
    ['0.5 L', 1],
    ['1.5 L', 1.6],
    ['6 × 1.5 L', 8],
  ]),
  ...sizes({ name: 'Sparkling Mineral Water', price: 65, tax: 'standard' as const }, [
    ['0.5 L', 1],
    ['1.5 L', 1.6],
    ['6 × 1.5 L', 8],
  ]),
  ...sizes({ name: 'Orange Juice', price: 189, tax: 'standard' as const }, [
    ['1 L', 1],
    ['0.33 L', 0.6],
  ]),
  ...sizes({ name: 'Apple Juice', price: 159, tax: 'standard' as const }, [
    ['1 L', 1],
    ['0.33 L', 0.6],
  ]),
  ...sizes({ name: 'Cola', price: 129, tax: 'standard' as const }, [
    ['0.33 L can', 1],
    ['1.5 L', 1.5],
    ['6 × 0.33 L', 5],
  ]),
  ...sizes({ name: 'Cola Zero', price: 129, tax: 'standard' as const }, [
    ['0.33 L can', 1],
    ['1.5 L', 1.5],
  ]),
  ...sizes({ name: 'Lemonade', price: 119, tax: 'standard' as const }, [
    ['0.33 L', 1],
    ['1 L', 1.9],
  ]),
  ...sizes({ name: 'Iced Tea Peach', price: 139, tax: 'standard' as const }, [
    ['0.5 L', 1],
    ['1.5 L', 1.8],
  ]),
  ...sizes({ name: 'Pilsner Beer', price: 99, tax: 'standard' as const }, [
    ['0.5 L', 1],
    ['6 × 0.33 L', 4.8],
  ]),
  ...sizes({ name: 'Wheat Beer', price: 119, tax: 'standard' as const }, [['0.5 L', 1]]),
  ...sizes({ name: 'Red Wine Merlot', price: 699, tax: 'standard' as const }, [['0.75 L', 1]]),
  ...sizes({ name: 'White Wine Riesling', price: 749, tax: 'standard' as const }, [['0.75 L', 1]]),
  ...sizes({ name: 'Espresso Beans', price: 899, tax: 'reduced' as const }, [
    ['500 g', 1],
    ['1 kg', 1.8],
  ]),
  ...sizes({ name: 'Ground Coffee', price: 549, tax: 'reduced' as const }, [
    ['250 g', 1],
    ['500 g', 1.8],
  ]),
  ...sizes({ name: 'Green Tea', price: 279, tax: 'reduced' as const }, [['20 bags', 1]]),
  ...sizes({ name: 'Black Tea', price: 249, tax: 'reduced' as const }, [['20 bags', 1]]),
];

const fresh = (names: string[], price: number, unit = ''): DemoItem[] =>
  names.map((n, i) => ({
    name: `${n}${unit}`,
    price: price + ((i * 37) % 120),
    tax: 'reduced' as const,
  }));

const produce = [
  ...fresh(
    [
      'Bananas',
      'Apples Gala',
      'Apples Braeburn',
      'Pears Conference',
      'Oranges',
      'Mandarins',
      'Lemons',
      'Limes',
      'Kiwis',
      'Grapes White',
      'Grapes Red',
      'Strawberries',
      'Blueberries',
      'Raspberries',
      'Mango',
      'Pineapple',
      'Avocado',
      'Melon Honeydew',
      'Watermelon',
      'Plums',
    ],
    149,
    '',
  ),
  ...fresh(
    [
      'Tomatoes',
      'Cherry Tomatoes',
      'Cucumber',
      'Red Peppers',
      'Green Peppers',
      'Carrots',
      'Potatoes',
      'Sweet Potatoes',
      'Onions',
      'Red Onions',
      'Garlic',
      'Broccoli',
      'Cauliflower',
      'Zucchini',
      'Eggplant',
      'Iceberg Lettuce',
      'Rocket',
      'Spinach',
      'Mushrooms',
      'Leeks',
    ],
    99,
    '',
  ),
];

const dairy = [
  ...sizes({ name: 'Whole Milk', price: 109, tax: 'reduced' as const }, [
    ['1 L', 1],
    ['0.5 L', 0.6],
  ]),
  ...sizes({ name: 'Semi-Skimmed Milk', price: 99, tax: 'reduced' as const }, [['1 L', 1]]),
  ...sizes({ name: 'Oat Drink', price: 189, tax: 'standard' as const }, [['1 L', 1]]),
  ...sizes({ name: 'Natural Yoghurt', price: 79, tax: 'reduced' as const }, [
    ['500 g', 1],
    ['150 g', 0.45],
  ]),
  ...sizes({ name: 'Greek Yoghurt', price: 149, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Butter', price: 229, tax: 'reduced' as const }, [['250 g', 1]]),
  ...sizes({ name: 'Cream Cheese', price: 119, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Mozzarella', price: 89, tax: 'reduced' as const }, [['125 g', 1]]),
  ...sizes({ name: 'Gouda Slices', price: 199, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Emmental', price: 249, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Parmesan', price: 349, tax: 'reduced' as const }, [['150 g', 1]]),
  ...sizes({ name: 'Free-Range Eggs', price: 269, tax: 'reduced' as const }, [
    ['10 pack', 1],
    ['6 pack', 0.65],
  ]),
  ...sizes({ name: 'Whipping Cream', price: 99, tax: 'reduced' as const }, [['200 ml', 1]]),
  ...sizes({ name: 'Sour Cream', price: 79, tax: 'reduced' as const }, [['200 g', 1]]),
];

const bakery = fresh(
  [
    'White Bread',
    'Wholegrain Bread',
    'Rye Bread',
    'Sourdough Loaf',
    'Baguette',
    'Croissant',
    'Pain au Chocolat',
    'Pretzel',
    'Bread Rolls 6 pack',
    'Toast Bread',
    'Bagels 4 pack',
    'Cinnamon Roll',
    'Muffin Blueberry',
    'Muffin Chocolate',
    'Apple Turnover',
    'Donut Glazed',
    'Ciabatta',
    'Focaccia',
    'Brioche',
    'Pita Bread',
  ],
  89,
);

const pantry = [
  ...sizes({ name: 'Spaghetti', price: 99, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Penne', price: 99, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Fusilli', price: 99, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Basmati Rice', price: 219, tax: 'reduced' as const }, [
    ['1 kg', 1],
    ['500 g', 0.6],
  ]),
  ...sizes({ name: 'Risotto Rice', price: 249, tax: 'reduced' as const }, [['1 kg', 1]]),
  ...sizes({ name: 'Wheat Flour', price: 79, tax: 'reduced' as const }, [['1 kg', 1]]),
  ...sizes({ name: 'Sugar', price: 119, tax: 'reduced' as const }, [['1 kg', 1]]),
  ...sizes({ name: 'Sea Salt', price: 89, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Olive Oil Extra Virgin', price: 799, tax: 'reduced' as const }, [
    ['0.75 L', 1],
    ['0.5 L', 0.7],
  ]),
  ...sizes({ name: 'Sunflower Oil', price: 249, tax: 'reduced' as const }, [['1 L', 1]]),
  ...sizes({ name: 'Balsamic Vinegar', price: 299, tax: 'reduced' as const }, [['0.5 L', 1]]),
  ...sizes({ name: 'Tomato Passata', price: 89, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Chopped Tomatoes', price: 79, tax: 'reduced' as const }, [['400 g', 1]]),
  ...sizes({ name: 'Chickpeas', price: 99, tax: 'reduced' as const }, [['400 g', 1]]),
  ...sizes({ name: 'Kidney Beans', price: 99, tax: 'reduced' as const }, [['400 g', 1]]),
  ...sizes({ name: 'Tuna in Olive Oil', price: 199, tax: 'reduced' as const }, [['160 g', 1]]),
  ...sizes({ name: 'Peanut Butter', price: 279, tax: 'reduced' as const }, [['350 g', 1]]),
  ...sizes({ name: 'Strawberry Jam', price: 229, tax: 'reduced' as const }, [['450 g', 1]]),
  ...sizes({ name: 'Honey', price: 449, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Oat Flakes', price: 99, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Muesli Fruit', price: 299, tax: 'reduced' as const }, [['750 g', 1]]),
  ...sizes({ name: 'Corn Flakes', price: 249, tax: 'reduced' as const }, [['375 g', 1]]),
  ...sizes({ name: 'Tomato Ketchup', price: 199, tax: 'reduced' as const }, [['500 ml', 1]]),
  ...sizes({ name: 'Mayonnaise', price: 189, tax: 'reduced' as const }, [['500 ml', 1]]),
  ...sizes({ name: 'Mustard Medium', price: 99, tax: 'reduced' as const }, [['200 ml', 1]]),
];

const snacks = [
  ...sizes({ name: 'Potato Chips Salted', price: 179, tax: 'reduced' as const }, [['175 g', 1]]),
  ...sizes({ name: 'Potato Chips Paprika', price: 179, tax: 'reduced' as const }, [['175 g', 1]]),
  ...sizes({ name: 'Tortilla Chips', price: 169, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Salted Peanuts', price: 199, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Cashew Nuts', price: 349, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Milk Chocolate', price: 119, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Dark Chocolate 70%', price: 149, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Hazelnut Chocolate', price: 129, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Gummy Bears', price: 99, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Butter Cookies', price: 189, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Chocolate Chip Cookies', price: 219, tax: 'reduced' as const }, [['225 g', 1]]),
  ...sizes({ name: 'Rice Cakes', price: 119, tax: 'reduced' as const }, [['130 g', 1]]),
  ...sizes({ name: 'Granola Bar', price: 69, tax: 'reduced' as const }, [
    ['each', 1],
    ['6 pack', 5],
  ]),
  ...sizes({ name: 'Popcorn Sweet', price: 149, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Pretzel Sticks', price: 89, tax: 'reduced' as const }, [['250 g', 1]]),
];

const household = [
  ...sizes({ name: 'Toilet Paper', price: 399, tax: 'standard' as const }, [
    ['8 rolls', 1],
    ['16 rolls', 1.8],
  ]),
  ...sizes({ name: 'Kitchen Towels', price: 249, tax: 'standard' as const }, [['4 rolls', 1]]),
  ...sizes({ name: 'Tissues', price: 149, tax: 'standard' as const }, [['10 pack', 1]]),
  ...sizes({ name: 'Dish Soap', price: 129, tax: 'standard' as const }, [['500 ml', 1]]),
  ...sizes({ name: 'Dishwasher Tablets', price: 699, tax: 'standard' as const }, [['40 pack', 1]]),
  ...sizes({ name: 'Laundry Detergent', price: 899, tax: 'standard' as const }, [
    ['20 loads', 1],
    ['40 loads', 1.8],
  ]),
  ...sizes({ name: 'Fabric Softener', price: 299, tax: 'standard' as const }, [['1 L', 1]]),
  ...sizes({ name: 'All-Purpose Cleaner', price: 199, tax: 'standard' as const }, [['750 ml', 1]]),
  ...sizes({ name: 'Glass Cleaner', price: 179, tax: 'standard' as const }, [['500 ml', 1]]),
  ...sizes({ name: 'Bin Bags 35 L', price: 229, tax: 'standard' as const }, [['20 pack', 1]]),
  ...sizes({ name: 'Aluminium Foil', price: 199, tax: 'standard' as const }, [['30 m', 1]]),
  ...sizes({ name: 'Cling Film', price: 179, tax: 'standard' as const }, [['30 m', 1]]),
  ...sizes({ name: 'Sponges', price: 149, tax: 'standard' as const }, [['5 pack', 1]]),
  ...sizes({ name: 'AA Batteries', price: 499, tax: 'standard' as const }, [
    ['4 pack', 1],
    ['8 pack', 1.8],
  ]),
  ...sizes({ name: 'AAA Batteries', price: 499, tax: 'standard' as const }, [['4 pack', 1]]),
  ...sizes({ name: 'LED Bulb E27', price: 399, tax: 'standard' as const }, [['806 lm', 1]]),
  ...sizes({ name: 'Tealights', price: 249, tax: 'standard' as const }, [['50 pack', 1]]),
  ...sizes({ name: 'Matches', price: 49, tax: 'standard' as const }, [['10 boxes', 1]]),
];

const care = [
  ...sizes({ name: 'Toothpaste Mint', price: 189, tax: 'standard' as const }, [['75 ml', 1]]),
  ...sizes({ name: 'Toothbrush Medium', price: 199, tax: 'standard' as const }, [['each', 1]]),
  ...sizes({ name: 'Shampoo', price: 299, tax: 'standard' as const }, [['300 ml', 1]]),
  ...sizes({ name: 'Conditioner', price: 299, tax: 'standard' as const }, [['300 ml', 1]]),
  ...sizes({ name: 'Shower Gel', price: 199, tax: 'standard' as const }, [['250 ml', 1]]),
  ...sizes({ name: 'Hand Soap', price: 149, tax: 'standard' as const }, [['300 ml', 1]]),
  ...sizes({ name: 'Deodorant', price: 249, tax: 'standard' as const }, [['150 ml', 1]]),
  ...sizes({ name: 'Sun Cream SPF 30', price: 899, tax: 'standard' as const }, [['200 ml', 1]]),
  ...sizes({ name: 'Cotton Pads', price: 119, tax: 'standard' as const }, [['100 pack', 1]]),
  ...sizes({ name: 'Plasters', price: 299, tax: 'standard' as const }, [['20 pack', 1]]),
  ...sizes({ name: 'Razor Blades', price: 1299, tax: 'standard' as const }, [['4 pack', 1]]),
  ...sizes({ name: 'Baby Wipes', price: 199, tax: 'standard' as const }, [['64 pack', 1]]),
  ...sizes({ name: 'Lip Balm', price: 179, tax: 'standard' as const }, [['each', 1]]),
];

const frozen = [
  ...sizes({ name: 'Frozen Pizza Margherita', price: 299, tax: 'reduced' as const }, [
    ['350 g', 1],
  ]),
  ...sizes({ name: 'Frozen Pizza Salami', price: 319, tax: 'reduced' as const }, [['350 g', 1]]),
  ...sizes({ name: 'Frozen Peas', price: 149, tax: 'reduced' as const }, [['750 g', 1]]),
  ...sizes({ name: 'Frozen Spinach', price: 129, tax: 'reduced' as const }, [['450 g', 1]]),
  ...sizes({ name: 'French Fries', price: 199, tax: 'reduced' as const }, [['750 g', 1]]),
  ...sizes({ name: 'Fish Fingers', price: 279, tax: 'reduced' as const }, [['15 pack', 1]]),
  ...sizes({ name: 'Vanilla Ice Cream', price: 349, tax: 'reduced' as const }, [['1 L', 1]]),
  ...sizes({ name: 'Chocolate Ice Cream', price: 349, tax: 'reduced' as const }, [['1 L', 1]]),
  ...sizes({ name: 'Ice Cubes', price: 149, tax: 'reduced' as const }, [['2 kg', 1]]),
];

const deli = [
  ...sizes({ name: 'Cooked Ham', price: 199, tax: 'reduced' as const }, [['150 g', 1]]),
  ...sizes({ name: 'Salami Slices', price: 219, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Smoked Salmon', price: 449, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Chicken Breast', price: 699, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Minced Beef', price: 499, tax: 'reduced' as const }, [['500 g', 1]]),
  ...sizes({ name: 'Pork Sausages', price: 349, tax: 'reduced' as const }, [['6 pack', 1]]),
  ...sizes({ name: 'Tofu Natural', price: 199, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Hummus', price: 179, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Olives Green', price: 229, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Fresh Pesto', price: 299, tax: 'reduced' as const }, [['190 g', 1]]),
  ...sizes({ name: 'Sandwich Chicken', price: 349, tax: 'standard' as const }, [['each', 1]]),
  ...sizes({ name: 'Sandwich Cheese', price: 299, tax: 'standard' as const }, [['each', 1]]),
  ...sizes({ name: 'Salad Bowl', price: 449, tax: 'standard' as const }, [['each', 1]]),
];

const services: DemoItem[] = [
  { name: 'Carrier Bag', price: 20, tax: 'standard', untracked: true },
  { name: 'Paper Bag', price: 30, tax: 'standard', untracked: true },
  { name: 'Bottle Deposit', price: 25, tax: 'zero', untracked: true },
  { name: 'Gift Card 10', price: 1000, tax: 'zero', untracked: true },
  { name: 'Gift Card 25', price: 2500, tax: 'zero', untracked: true },
  { name: 'Newspaper', price: 250, tax: 'reduced' },
  { name: 'Magazine', price: 450, tax: 'reduced' },
  { name: 'Postage Stamp', price: 95, tax: 'zero', untracked: true },
  { name: 'Phone Top-Up 15', price: 1500, tax: 'zero', untracked: true },
  { name: 'Phone Top-Up 30', price: 3000, tax: 'zero', untracked: true },
];

const flowers = fresh(
  [
    'Tulips Bunch',
    'Roses Bunch',
    'Sunflowers Bunch',
    'Mixed Bouquet',
    'Potted Basil',
    'Potted Orchid',
    'Potted Cactus',
    'Herb Pot Parsley',
    'Herb Pot Mint',
    'Lilies Bunch',
  ],
  299,
);

const pets = [
  ...sizes({ name: 'Dry Dog Food Chicken', price: 1299, tax: 'reduced' as const }, [
    ['4 kg', 1],
    ['1.5 kg', 0.45],
  ]),
  ...sizes({ name: 'Wet Dog Food Beef', price: 149, tax: 'reduced' as const }, [
    ['400 g', 1],
    ['6 × 400 g', 5.5],
  ]),
  ...sizes({ name: 'Dry Cat Food Salmon', price: 899, tax: 'reduced' as const }, [
    ['2 kg', 1],
    ['800 g', 0.5],
  ]),
  ...sizes({ name: 'Wet Cat Food Pouches', price: 399, tax: 'reduced' as const }, [
    ['12 × 85 g', 1],
  ]),
  ...sizes({ name: 'Cat Litter Clumping', price: 699, tax: 'standard' as const }, [['10 L', 1]]),
  ...sizes({ name: 'Dog Chews', price: 349, tax: 'reduced' as const }, [['200 g', 1]]),
  ...sizes({ name: 'Cat Treats', price: 199, tax: 'reduced' as const }, [['60 g', 1]]),
  ...sizes({ name: 'Bird Seed Mix', price: 299, tax: 'reduced' as const }, [['1 kg', 1]]),
  ...sizes({ name: 'Poop Bags', price: 249, tax: 'standard' as const }, [['120 pack', 1]]),
  ...sizes({ name: 'Pet Shampoo', price: 599, tax: 'standard' as const }, [['250 ml', 1]]),
];

const baby = [
  ...sizes({ name: 'Nappies Size 3', price: 999, tax: 'standard' as const }, [['52 pack', 1]]),
  ...sizes({ name: 'Nappies Size 4', price: 999, tax: 'standard' as const }, [['46 pack', 1]]),
  ...sizes({ name: 'Nappies Size 5', price: 1049, tax: 'standard' as const }, [['40 pack', 1]]),
  ...sizes({ name: 'Baby Porridge Oat', price: 229, tax: 'reduced' as const }, [['250 g', 1]]),
  ...sizes({ name: 'Fruit Puree Apple Pear', price: 99, tax: 'reduced' as const }, [
    ['190 g', 1],
    ['4 × 190 g', 3.6],
  ]),
  ...sizes({ name: 'Infant Formula', price: 1599, tax: 'reduced' as const }, [['800 g', 1]]),
  ...sizes({ name: 'Baby Lotion', price: 349, tax: 'standard' as const }, [['200 ml', 1]]),
  ...sizes({ name: 'Rice Rusks', price: 149, tax: 'reduced' as const }, [['100 g', 1]]),
  ...sizes({ name: 'Sippy Cup', price: 699, tax: 'standard' as const }, [['each', 1]]),
  ...sizes({ name: 'Baby Spoon Set', price: 499, tax: 'standard' as const }, [['3 pack', 1]]),
];

const stationery = [
  ...sizes({ name: 'Ballpoint Pens Blue', price: 299, tax: 'standard' as const }, [['10 pack', 1]]),
  ...sizes({ name: 'Pencils HB', price: 199, tax: 'standard' as const }, [['12 pack', 1]]),
  ...sizes({ name: 'Notebook A5 Lined', price: 249, tax: 'standard' as const }, [
    ['each', 1],
    ['3 pack', 2.6],
  ]),
  ...sizes({ name: 'Printer Paper A4', price: 599, tax: 'standard' as const }, [['500 sheets', 1]]),
  ...sizes({ name: 'Sticky Notes', price: 349, tax: 'standard' as const }, [['6 pads', 1]]),
  ...sizes({ name: 'Highlighters', price: 449, tax: 'standard' as const }, [['4 colours', 1]]),
  ...sizes({ name: 'Sticky Tape', price: 179, tax: 'standard' as const }, [['2 rolls', 1]]),
  ...sizes({ name: 'Envelopes C6', price: 229, tax: 'standard' as const }, [['25 pack', 1]]),
  ...sizes({ name: 'Birthday Card', price: 299, tax: 'standard' as const }, [['each', 1]]),
  ...sizes({ name: 'Gift Wrap', price: 349, tax: 'standard' as const }, [['2 m', 1]]),
  ...sizes({ name: 'Glue Stick', price: 149, tax: 'standard' as const }, [['each', 1]]),
  ...sizes({ name: 'Colouring Pencils', price: 599, tax: 'standard' as const }, [['24 pack', 1]]),
];

export const demoCategories: { name: string; items: DemoItem[] }[] = [
  { name: 'Fruit & Vegetables', items: produce },
  { name: 'Bakery', items: bakery },
  { name: 'Dairy & Eggs', items: dairy },
  { name: 'Meat, Fish & Deli', items: deli },
  { name: 'Pantry', items: pantry },
  { name: 'Snacks & Sweets', items: snacks },
  { name: 'Drinks', items: drinks },
  { name: 'Frozen', items: frozen },
  { name: 'Household', items: household },
  { name: 'Personal Care', items: care },
  { name: 'Flowers & Plants', items: flowers },
  { name: 'Services', items: services },
  // Appended after Services so the barcodes of the earlier items never change.
  { name: 'Pet Supplies', items: pets },
  { name: 'Baby & Kids', items: baby },
  { name: 'Stationery', items: stationery },
];
