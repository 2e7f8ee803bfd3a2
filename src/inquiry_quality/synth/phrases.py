# ruff: noqa: E501  (sentences are data; wrapping them would hurt more than help)
"""English sentence parts the composer draws from, one tuple of variants per slot.

Placeholders (``{company}``, ``{items}``, ...) are filled by ``compose``. Which slots appear in
an inquiry is decided by its traits; which variant of a slot is used is chance alone.
"""

from __future__ import annotations

GREETING = {
    "personal": (
        "Dear {rep_title} {rep_last},",
        "Dear {rep_first},",
        "Dear {rep_title} {rep_first} {rep_last},",
        "Hello {rep_first},",
    ),
    "formal": (
        "Dear Sir/Madam,",
        "Dear Sir or Madam,",
        "Dear Sirs,",
        "To whom it may concern,",
        "Dear Sales Manager,",
        "Dear Sales Team,",
        "Good day,",
        "Dear Supplier,",
    ),
    "casual": (
        "Hi,",
        "Hello,",
        "Hi there,",
        "Hello friend,",
        "Hi dear,",
        "Hey,",
        "Hello my friend,",
        "Hi team,",
    ),
    "none": ("",),
}

INTRO = {
    "distributor": (
        "We are {company_or_a}, an importer and distributor of lighting products in {country}.",
        "Our company {company_or_blank}imports electrical and lighting products for the {country} market.",
        "We are a wholesaler of LED lighting based in {city}, {country}, supplying installers and shops.",
        "I am the buyer of {company_or_a}, we distribute lighting to more than {n_small} dealers in {country}.",
        "We are one of the leading lighting distributors in {country} and we are looking for a new factory.",
    ),
    "retailer": (
        "We run {n_tiny} lighting shops in {city}.",
        "We sell lighting products online through our webshop and on Amazon {marketplace}.",
        "{company_or_we} is a home improvement retailer in {country}.",
        "We have an e-commerce store for LED lighting and want to add new products.",
        "Our stores in {country} sell lamps and fixtures to home owners.",
    ),
    "contractor": (
        "We are an electrical contractor working on a {project} in {city}.",
        "{company_or_we} is the lighting subcontractor for a {project} in {country}.",
        "We are tendering for a {project} and need lighting fixtures.",
        "We are a construction company and we have a new {project} starting soon.",
    ),
    "agent": (
        "I am a sourcing agent for several buyers in {country}.",
        "We are a trading company buying on behalf of our clients in {country}.",
        "We are a buying office and one of our customers asked us to find lighting suppliers.",
        "I work as a purchasing agent and my client is looking for a reliable LED factory.",
    ),
    "generic": (
        "We are a company from {country}.",
        "I found your company on {found_on}.",
        "We got your contact from {found_on}.",
        "My name is {first_name} and I am writing from {country}.",
        "We saw your products on {found_on}.",
    ),
}
FOUND_ON = (
    "Alibaba",
    "Made-in-China",
    "Google",
    "the Canton Fair",
    "LinkedIn",
    "your website",
    "Global Sources",
    "a friend",
)
PROJECTS = (
    "hotel project",
    "warehouse",
    "parking lot",
    "school renovation",
    "hospital",
    "shopping mall",
    "road lighting project",
    "office building",
    "factory",
    "stadium",
    "residential compound",
    "government tender",
)
MARKETPLACES = (
    "in Europe",
    "in the US",
    "and eBay",
    "and our own site",
    "and Noon",
    "and Mercado Libre",
)

REQUEST = (
    "We are interested in {items}.",
    "Please send us your best offer for {items}.",
    "We would like to get a quotation for {items}.",
    "Kindly quote for {items}.",
    "We need {items}{purpose}.",
    "Could you quote {items}?",
    "We are looking for a supplier of {items}.",
    "Please quote your price for {items}.",
    "We want to buy {items}{purpose}.",
    "Do you have {items} in stock?",
)
REQUEST_LIST = (
    "Please quote the following items:",
    "Kindly quote for the following:",
    "We need prices for these items:",
    "Our requirement is as below:",
)
PURPOSE = (
    "",
    "",
    "",
    " for our customers",
    " for a new project",
    " for our shops",
    " for the coming season",
    " for a trial order",
)
VAGUE_ITEMS = (
    "your products",
    "your LED lights",
    "your lighting products",
    "your items",
    "LED lamps",
    "your goods",
)
OFF_CATALOGUE = (
    "solar panels",
    "LED strip lights",
    "smart bulbs with app control",
    "EV chargers",
    "ceiling fans with light",
    "solar street lights with battery",
    "neon flex",
    "emergency exit signs",
    "LED video walls",
    "grow lights for greenhouses",
)

QUANTITY = (
    "Quantity: {quantity}.",
    "We need about {quantity}.",
    "{quantity} for the first order.",
    "Our first order will be {quantity}.",
    "Estimated quantity is {quantity}.",
    "QTY: {quantity}",
    "We plan to order {quantity}, more later if the quality is good.",
    "Our annual demand is around {quantity}.",
)
SPEC_ASK = (
    "Colour temperature {cct}, {warranty} years warranty.",
    "We need {cct} with a {warranty}-year warranty.",
    "Please confirm the lumen output and the driver brand.",
    "Please send the datasheet and IES files.",
    "Power factor above 0.9 and flicker free, please.",
)
CERTIFICATION = (
    "The products must have {certs} certificates.",
    "Please confirm you have {certs}.",
    "Do you have {certs} for these models?",
    "{certs} is required for our market.",
    "Please send copies of your {certs} certificates and test reports.",
)
PACKAGING = (
    "Packing: export carton with our logo.",
    "We need neutral packing.",
    "Please advise the carton size and how many pieces per carton.",
    "Colour box packing with our brand, please.",
    "Packed in export cartons, please advise the carton size and weight.",
)
INCOTERM = (
    "Please quote {term}.",
    "Price term: {term}.",
    "We prefer {term} prices.",
    "Kindly give us {term} prices.",
    "Price should be {term}.",
)
PAYMENT_NORMAL = (
    "Payment: T/T 30% deposit, 70% before shipment.",
    "We usually pay by L/C at sight.",
    "Payment terms: T/T.",
    "For the sample order we can pay by PayPal.",
    "30% advance, balance against copy of B/L.",
    "We can open an irrevocable L/C.",
    "Payment by T/T after receiving the proforma invoice.",
)
PAYMENT_ADVANCE_FEE = (
    "Note that our company requires a vendor registration fee of USD {fee} before the contract is issued.",
    "You need to pay the import license fee of USD {fee} through our agent, then we open the L/C.",
    "Kindly send the processing fee via Western Union to our consultant so we can release the order.",
    "The ministry requires the contract stamp duty of USD {fee} to be paid by the supplier before payment release.",
    "Our bank needs a clearance charge of USD {fee} from your side to release the advance payment.",
)
DELIVERY = (
    "Delivery to {port} within {days} days.",
    "We need the goods before {month}.",
    "Destination port: {port}.",
    "Please advise the lead time to {port}.",
    "Shipment by sea to {port}, we need it within {days} days.",
    "Please tell us the delivery time for this quantity.",
)
# Cues of a serious buyer (archetypes.CUE_NAMES).
TARGET_PRICE = (
    "Our target price is USD {price} per piece.",
    "Target price: around US${price}/pc.",
    "To be competitive in our market we need about USD {price} per unit.",
    "Can you meet our target price of {price} USD/pc?",
    "Our budget is around ${price} per light.",
)
ANNUAL_VOLUME = (
    "Our annual volume for this item is about {n_big} pcs.",
    "We expect to buy around {n_big} units per year.",
    "Estimated yearly demand: {n_big} pcs.",
    "If the quality is right, the annual quantity can reach {n_big} pieces.",
    "We use roughly {n_big} pcs a year.",
)
SCHEDULE = (
    "We plan the first shipment in {month}, then regular orders every {cycle}.",
    "Delivery schedule: first lot in {month}, then call-offs every {cycle}.",
    "We would need split deliveries, the first one in {month}.",
    "The order would be shipped in lots, one every {cycle}, starting {month}.",
)
SAMPLE_PLAN = (
    "We would like to order {n_tiny} samples first for testing, then a trial order.",
    "Can you send {n_tiny} samples? After approval we will place a trial order.",
    "Sample order first ({n_tiny} pcs), the bulk order after our tests pass.",
    "We plan a trial order after checking your samples.",
)
PROJECT_NAME = (
    "This is for the {city} {project} (our ref. P-{number}).",
    "Project: {city} {project}, ref. {number}.",
    "The lights are for our {project} in {city}.",
    "It is for a {project} in {city}; the tender closes in {month}.",
)
MASS_MARKERS = (
    "Please send us your latest price list and catalogue.",
    "Send your catalogue of all products.",
    "We are interested in all your products.",
    "Kindly send us your company profile and price list.",
    "Please send the full catalogue with prices.",
    "Send me your price list for all models.",
)
BARGAIN = (
    "Please give us your best price.",
    "Your lowest price please, we have other offers.",
    "Price is very important for our market.",
    "Quote your best price, we are comparing suppliers.",
    "Your price must be competitive, our market is very price sensitive.",
    "Give me your last price.",
)
URGENCY = (
    "This is urgent.",
    "Please reply as soon as possible.",
    "We need your quote within 24 hours.",
    "URGENT, please reply today.",
    "Kindly treat this as urgent.",
    "We need your answer by tomorrow.",
)
CHAT_APP = (
    "You can contact me on WhatsApp {phone}.",
    "Add me on WeChat: {handle}.",
    "My WhatsApp: {phone}",
    "Please contact me on Skype: {handle}.",
    "For fast reply use Telegram @{handle}.",
    "WhatsApp me for quick discussion: {phone}",
)
VIEW_LINK = (
    "Please view our inquiry details here: {url}",
    "Our purchase order is ready. Click to view: {url}",
    "Sign in with your email to download the RFQ: {url}",
    "See the attached inquiry and specifications: {url}",
    "The full product list is on our secure portal: {url}",
)
PROMO_LINK = (
    "Visit {url} for more information.",
    "Learn more: {url}",
    "Our website: {url}",
    "To unsubscribe click {url}",
)
PITCH_SCAM = (
    "We have a government contract to supply {n_big} street lights to the Ministry of Works and we choose your company.",
    "I am the procurement officer of a large oil company and we need lighting for our new site. I will need a commission of 10% for my role.",
    "Our client has approved your company for a contract worth USD {big_value}. The contract must be registered with the chamber of commerce before signing.",
    "We are ready to place a big order immediately, please send your bank details and company documents.",
    "Our company won the tender for lighting of the new airport and we want you as our supplier.",
)
PITCH_PHISHING = (
    "You have received a new buyer inquiry on your trade account. Log in to read it.",
    "We sent you our purchase order yesterday but it bounced. Please download it from our document server.",
    "Please confirm the quotation request in the attached file. You need to enter your email password to open it.",
    "Your mailbox has a pending inquiry message from a verified buyer.",
)
CLOSING = (
    "Looking forward to your reply.",
    "Waiting for your quick response.",
    "Thank you.",
    "Thanks in advance.",
    "We look forward to hearing from you.",
    "Hope to do business with you.",
    "Please reply soon.",
    "",
)
SIGN_OFF = (
    "Best regards,",
    "Kind regards,",
    "Regards,",
    "Thanks and best regards,",
    "Best wishes,",
    "Sincerely,",
    "Thanks,",
    "BR,",
)
SIGNATURE_SEPARATOR = ("-- ", "")

SUBJECT_PRODUCT = (
    "Inquiry for {topic}",
    "RFQ: {topic}",
    "Request for quotation - {topic}",
    "Quotation needed for {topic}",
    "Price for {topic}",
    "{topic} inquiry",
    "Enquiry {topic}",
    "Purchase of {topic}",
)
SUBJECT_GENERIC = (
    "Inquiry",
    "Request for quotation",
    "Price inquiry",
    "Business inquiry",
    "Inquiry from {country}",
    "New order",
    "Product inquiry",
    "Hello",
)
SUBJECT_MASS = (
    "Price list request",
    "Catalogue request",
    "Send price list",
    "Need your catalogue",
    "Price list and catalogue",
)
SUBJECT_SCAM = (
    "Urgent supply contract",
    "Government tender - lighting",
    "Big order for your company",
    "Contract award notification",
    "Urgent purchase",
)
SUBJECT_PHISHING = (
    "New purchase order #{number}",
    "Inquiry details - please review",
    "RFQ documents shared with you",
    "Pending inquiry message",
    "Order confirmation #{number}",
    "Payment advice #{number}",
)

QUOTED_REPLY = (
    "Thank you for your inquiry. Please find our quotation for {topic} attached. MOQ is {moq} pcs and the price is valid for 30 days.",
    "Thanks for your interest in our {topic}. Could you tell us the quantity and the destination port so we can quote?",
    "Following our last e-mail, we would like to know if you received our catalogue and price list.",
    "Please see our offer for {topic}, FOB Ningbo, delivery 25-30 days after deposit.",
)

DOCUMENT_ATTACHMENTS = (
    "Inquiry_{stem}.pdf",
    "RFQ-{number}.xlsx",
    "drawing_{number}.jpg",
    "project_list.pdf",
    "specification_{stem}.docx",
    "BOQ_{number}.xlsx",
    "photo_{number}.jpg",
    "requirements.pdf",
)
RISKY_ATTACHMENTS = (
    "PO_{number}.html",
    "Inquiry_details.htm",
    "RFQ_{number}.exe",
    "Order_Specs.zip",
    "Scan_{number}.pdf.html",
    "Purchase_Order_{number}.iso",
    "Quotation_Request.js",
    "Invoice_{number}.scr",
)

# --- sellers writing to us (pitch supplier_offer / service_offer) ---------------------------
COMPONENTS = (
    # (what, spec, unit price range in USD, typical MOQ)
    ("SMD2835 LED chips", "0.5W, 55-60 lm, CRI>80", (0.004, 0.012), 100000),
    ("LED drivers", "constant current 300mA, PF>0.9, isolated", (0.6, 2.4), 2000),
    ("aluminium housings for panel lights", "600x600 mm, white powder coated", (1.8, 4.5), 1000),
    ("PC diffusers", "opal, 85% transmittance, UV stabilised", (0.3, 1.1), 3000),
    ("export cartons and colour boxes", "5-ply corrugated, 4-colour print", (0.15, 0.9), 5000),
    ("aluminium coils", "1060-H24, 0.5-1.0 mm", (2.6, 3.4), 5),
    ("PCB boards", "MCPCB 1.6 mm, 1 oz copper", (0.05, 0.4), 10000),
    ("copper-clad wire", "0.5 mm2, PVC insulated, 100 m rolls", (4.0, 9.0), 200),
)
PITCH_SUPPLIER = (
    "We are a manufacturer of {component} in {supplier_city} with {n_tiny} production lines, supplying more than {n_small} lighting factories.",
    "This is {first_name} from {company_or_a}, we produce {component} for LED lighting manufacturers.",
    "Our factory specialises in {component} and we would like to become your supplier.",
    "We have been making {component} for {n_tiny} years and export to Europe and the Middle East.",
)
SELLER_SPEC = (
    "Specification: {component_spec}.",
    "Our best seller: {component}, {component_spec}.",
    "Main model: {component_spec}, OEM and ODM welcome.",
)
SELLER_PRICE = (
    "Price: USD {component_price} per unit {term}.",
    "Our price is {component_price} USD/pc {term}, valid for 30 days.",
    "Special offer this month: USD {component_price}/pc {term}.",
)
SELLER_MOQ = (
    "MOQ: {component_moq} pcs.",
    "Minimum order quantity is {component_moq} pcs, mixed models accepted.",
    "Our MOQ is only {component_moq} pcs and we can supply {n_big} pcs per month.",
)
SELLER_PAYMENT = (
    "Payment terms: 30% T/T deposit, 70% before shipment.",
    "We accept T/T, L/C at sight and PayPal.",
    "Payment: T/T in advance or 30 days after B/L for regular customers.",
)
SELLER_CERTIFICATION = (
    "All our products have CE, RoHS and REACH certificates.",
    "Our factory is ISO 9001 certified and the products pass UL and CE tests.",
)
SELLER_DELIVERY = (
    "Lead time: {days} days after deposit.",
    "Delivery within {days} days, stock items in one week.",
    "We can ship to {port} within {days} days.",
)
SELLER_CUES = {
    "target_price": ("We can match your target price for large orders.",),
    "annual_volume": ("Our annual capacity is {n_big} pcs.",),
    "schedule": ("We can arrange monthly deliveries for your production plan.",),
    "sample_plan": ("Free samples are available, you only pay the express cost.",),
    "project_name": ("We supplied the {city} {project} last year.",),
}
SERVICE_KINDS = ("forwarder", "trade_show", "directory", "seo", "database")
PITCH_SERVICE = {
    "forwarder": (
        "We are a freight forwarder in Ningbo with good rates to {port}: 20GP USD {rate}, 40HQ USD {rate_hq}.",
        "{company_or_we} handles sea and air freight from Ningbo and Shanghai, door to door to {country}.",
        "Our company offers consolidation, customs clearance and DDP service to {country} at the best rates.",
    ),
    "trade_show": (
        "Book a booth at the international lighting exhibition next spring: 9 m2 standard booth for USD {booth}.",
        "We invite you to exhibit at the Lighting Expo in {city}; only a few booths are left at USD {booth}.",
    ),
    "directory": (
        "List your company in our B2B directory of lighting suppliers, read by {n_big} buyers, for USD {fee} a year.",
        "Your company can be featured as a verified supplier on our trade portal for only USD {fee}.",
    ),
    "seo": (
        'Your website is not on the first page of Google for "{category_name}". Our SEO team can fix that in 30 days.',
        "We design modern websites and online shops for manufacturers, starting from USD {fee}.",
        "We can bring you {n_small} new buyer leads every month with our B2B marketing service.",
    ),
    "database": (
        "We offer a database of {n_big} verified importers of lighting products, updated monthly.",
        "Buy our list of {n_small} active LED buyers in {country} with e-mails and phone numbers for USD {fee}.",
    ),
}
# A service's terms: a forwarder's, or those of the other services (shows, listings, leads).
SERVICE_DETAILS = {
    "forwarder": {
        "spec": ("We already ship {category_name} for other lighting factories.",),
        "certification": ("We are a FIATA member with ISO 9001 certification.",),
        "incoterm": ("We handle FOB, EXW and DDP shipments.", "Prices are all-in, DDP {port}."),
        "quantity": ("Rates are valid for full containers and LCL from 1 CBM.",),
        "payment": ("Payment: 30 days credit for regular shippers.", "Payment by T/T."),
        "delivery": ("Transit time to {port} is about {days} days.", "Weekly sailings to {port}."),
    },
    "other": {
        "spec": ("We already work with {n_small} manufacturers of {category_name}.",),
        "certification": ("We are a certified Google Partner agency.",),
        "incoterm": ("Prices exclude VAT and bank charges.",),
        "quantity": ("Packages from {n_tiny} to {n_small} listings or leads a month.",),
        "payment": ("Payment: 50% to confirm, balance after completion.", "Payment by PayPal."),
        "delivery": ("We can start within {n_tiny} days.", "Results within {days} days."),
    },
}
PITCH_OFFER_CLOSE = (
    "Can I send you our offer?",
    "Reply to this mail for a free trial.",
    "Let me know if you are interested.",
    "We would be glad to cooperate with you.",
    "Please send us your inquiry.",
)
SUBJECT_SUPPLIER = (
    "{component} supplier",
    "Offer: {component}",
    "Best price for {component}",
    "Cooperation with your factory",
    "New supplier of {component}",
)
SUBJECT_SERVICE = {
    "forwarder": ("Shipping rates from China", "Freight rates to {country}", "Logistics offer"),
    "trade_show": ("Lighting Expo invitation", "Exhibition booth offer", "Last booths available"),
    "directory": ("Supplier directory listing", "Verify your company listing"),
    "seo": ("Your website ranking", "Grow your business", "More buyers for your website"),
    "database": ("New buyers for your products", "Importer database {country}"),
}

# --- research, scams, phishing, payment fraud, friendship spam ------------------------------
PITCH_RESEARCH = (
    "I am a student at {university} writing my thesis on LED lighting exports. Could you send me your price list and MOQ?",
    "We are a market research company preparing a study on LED lighting prices in {country} for a client.",
    "For a survey of lighting manufacturers we would like to know your FOB prices and annual output.",
    "I am doing a class project about Chinese LED factories; please share your catalogue and prices.",
)
UNIVERSITIES = (
    "the University of Lagos",
    "Monash University",
    "TU Delft",
    "the University of Manchester",
    "Istanbul Technical University",
    "Universidad de Chile",
)
SUBJECT_RESEARCH = ("Student research request", "Market survey on LED lighting", "Thesis questions")
PITCH_REGISTRATION = (
    'We are a domain registration service in Shanghai. A company applied to register "{brand}" as .cn, .asia and .hk domains and a brand name; please confirm whether they are your partner.',
    'Our company received an application for the internet keyword "{brand}". If you did not authorise it, please contact us within 7 days.',
    "Your company listing in the World Trade Directory 2026 has to be checked. Please sign and return the form; updating is free of charge.",
    "This is the final notice for your entry in the International Exporters Register, annual fee USD {fee}.",
)
SUBJECT_REGISTRATION = (
    "{brand} domain name registration",
    "Brand name and domain notice",
    "Directory entry - final notice",
    "Company listing update",
)
PITCH_PLATFORM = (
    "You have {n_tiny} unread inquiries from verified buyers on {marketplace_name}. Log in to reply before they expire.",
    "Your payment of USD {big_value} is on hold. Confirm your account to release the funds.",
    "Your {marketplace_name} account will be suspended in 24 hours. Confirm your account details to keep it active.",
    "A buyer sent you a trade assurance order. Sign in to view the order details.",
)
MARKETPLACE_NAMES = ("Alibaba", "Made-in-China", "Global Sources", "DHgate", "TradeKey")
SUBJECT_PLATFORM = (
    "You have {n_tiny} unread inquiries",
    "Payment on hold",
    "Action required: confirm your account",
    "New message from buyer",
    "Account suspension notice",
)
PITCH_BANK = (
    "Please note that our bank account has changed because of an audit. We will send the new details; please update your records.",
    "Kindly resend the invoice with your bank details, our accounts department needs it to release the payment.",
    "Our payment could not go through to your old account. Please confirm your bank details or send the proforma again.",
    "From this month all payments go through our new bank. Please send the updated invoice to this e-mail only.",
)
SUBJECT_BANK = ("Payment update", "Bank details", "Invoice request", "Updated payment information")
PITCH_ROMANCE = (
    "Hello dear, I saw your profile and I would like to be your friend.",
    "My name is {first_name}, I am single and I like travelling and music. I hope we can know each other better.",
    "I am looking for a serious friend to share my life with. Please write me back.",
)
SUBJECT_ROMANCE = ("Hello dear", "Nice to meet you", "Friendship", "Hi")

# --- open deals: replies about our quotation, order, samples, shipment, payment -------------
# Numbered by year, or (as many exporters do) with the company's series code "BW" after the
# prefix: QT-2025-0143, PI-250314, PI-BW250314-2, SC-BW25-0457.
DOCUMENTS = {
    "quotation": ("QT-{year}-{seq}", "QT-BW{yy}-{seq}"),
    "order": ("PI-{yymm}{nn}", "SC-{year}-{seq}", "PI-BW{yymm}{nn}-{n}", "SC-BW{yy}-{seq}"),
    "sample": ("PI-{yymm}{nn}", "QT-{year}-{seq}", "SP-{year}-{seq3}"),
    "shipment": ("SC-{year}-{seq}", "CI-{year}-{seq}", "CI-BW{yy}-{seq}"),
    "payment": ("PI-{yymm}{nn}", "CI-{year}-{seq}", "PI-BW{yymm}{nn}", "CI-BW{yy}-{seq}"),
}
# ``{doc}`` is " <our document number>" when the message cites one, else "" (so templates
# glue it to the word before: "your quotation{doc}").
FOLLOW_UP = {
    "quotation": (
        "Thank you for your quotation{doc}.",
        "We have checked your offer{doc} with our team.",
        "Regarding your quotation{doc}:",
    ),
    "order": (
        "We received the PI{doc}, thank you.",
        "Please find our PO {po} against your proforma{doc}.",
        "About our order{doc}:",
    ),
    "sample": (
        "The samples{doc} arrived today.",
        "We tested the samples{doc}.",
        "About the sample order{doc}:",
    ),
    "shipment": (
        "What is the status of our order{doc}?",
        "About the shipment{doc}:",
        "Our forwarder is asking about the shipment{doc}.",
    ),
    "payment": (
        "We paid the balance for the invoice{doc} today, please find the bank slip attached.",
        "About the payment{doc}:",
        "Our accounts department released the deposit for the proforma{doc}.",
    ),
}
FOLLOW_UP_ASK = {
    "quotation": (
        "Can you do a better price on the second item?",
        "We accept the prices, please send the PI.",
        "Is the price still valid until the end of the month?",
        "Please revise the offer for the new quantity.",
    ),
    "order": (
        "Please change the colour temperature to 4000K.",
        "Please confirm the delivery date.",
        "Can you add our logo on the carton?",
        "We confirm the order, deposit next week.",
    ),
    "sample": (
        "The test result is OK, we will confirm the order soon.",
        "One sample flickers, please check.",
        "Please send the test report with the samples.",
    ),
    "shipment": (
        "When will the goods be ready?",
        "Please send the B/L copy and the packing list.",
        "Can you ship one week earlier?",
        "Please send the booking details to our forwarder.",
    ),
    "payment": (
        "Please confirm when you receive it.",
        "Please send the commercial invoice.",
        "Let us know when the goods are ready to ship.",
    ),
}
SUBJECT_FOLLOW_UP = {
    "quotation": ("Quotation{doc}", "Your offer{doc}", "{topic} quotation"),
    "order": ("PI{doc}", "Order{doc}", "PO {po}"),
    "sample": ("Samples{doc}", "Sample test", "Samples"),
    "shipment": ("Shipment{doc}", "Delivery{doc}", "Booking"),
    "payment": ("Payment{doc}", "Balance payment", "Bank slip{doc}"),
}
OUR_MESSAGE = {
    "quotation": "Please find our quotation{doc} for {topic} attached. The price is valid for 30 days.",
    "order": "Please find the proforma invoice{doc} attached; production starts after the deposit.",
    "sample": "The samples{doc} were sent today by DHL.",
    "shipment": "The goods of our contract{doc} will be ready at the end of the month; please confirm the booking.",
    "payment": "Please find the invoice{doc} attached; the balance is due before shipment.",
}
REFERENCE = (
    "With reference to your quotation{doc}:",
    "Further to your offer{doc},",
    "We refer to your quotation{doc}.",
)
