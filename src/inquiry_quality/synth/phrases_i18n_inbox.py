# ruff: noqa: E501  (sentences are data; wrapping them would hurt more than help)
"""The rest of the inbox in the other languages: sellers' offers, scams, phishing, payment
fraud, friendship spam and replies in open deals (slot names as ``compose`` asks for them).

``{doc}`` is " <our document number>" or "": templates glue it to the word before.
Product and component names stay English, as they do in real mail.
"""

from __future__ import annotations

INBOX_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {
        "pitch_supplier": (
            "Somos fabricantes de {component} en {supplier_city} y abastecemos a más de {n_small} fábricas de iluminación.",
            "Le escribe {first_name} de {company_or_a}; producimos {component} para fabricantes de luminarias LED.",
            "Hola, le escribe {first_name}: somos fábrica de {component} y trabajamos con varias marcas de iluminación; le comparto nuestras condiciones.",
        ),
        "seller_spec": ("Especificación: {component_spec}.",),
        "seller_price": (
            "Precio: USD {component_price} por unidad {term}.",
            "Nuestro precio es {component_price} USD/pieza {term}.",
        ),
        "seller_moq": (
            "Pedido mínimo: {component_moq} piezas.",
            "MOQ {component_moq} piezas, se aceptan modelos mixtos.",
        ),
        "seller_payment": (
            "Forma de pago: 30% T/T por adelantado, 70% antes del embarque.",
            "Aceptamos T/T y carta de crédito a la vista.",
        ),
        "seller_certification": ("Todos nuestros productos tienen certificados CE y RoHS.",),
        "seller_delivery": ("Plazo de entrega: {days} días tras el anticipo.",),
        "offer_close": (
            "¿Le puedo enviar nuestra oferta?",
            "Quedamos a su disposición para cualquier consulta.",
            "Si le interesa, le envío la lista completa.",
            "Quedo atento, cualquier duda me escribe.",
        ),
        "pitch_forwarder": (
            "Somos agentes de carga en Ningbo con buenas tarifas a {port}: 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Le ofrecemos consolidación y flete marítimo desde Ningbo a {port}; este mes 40HQ a USD {rate_hq}, con despacho incluido.",
            "Si necesita transporte a {port}, tenemos salidas semanales: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Reserve su stand en la feria internacional de iluminación: stand de 9 m2 por USD {booth}.",
            "Aún quedan stands en el pabellón de iluminación de la feria; el metro cuadrado sale en USD {booth}. ¿Le reservo uno?",
        ),
        "pitch_directory": (
            "Incluya su empresa en nuestro directorio B2B de proveedores de iluminación por USD {fee} al año.",
        ),
        "pitch_seo": (
            'Su web no aparece en la primera página de Google para "{category_name}". Nuestro equipo SEO lo soluciona en 30 días.',
        ),
        "pitch_database": (
            "Ofrecemos una base de datos de {n_big} importadores verificados de iluminación.",
            "Sabemos quién compra luminarias en su mercado: datos de aduana de {n_big} importadores, actualizados cada mes.",
        ),
        "forwarder_incoterm": ("Gestionamos envíos FOB, EXW y DDP.",),
        "forwarder_delivery": ("Tiempo de tránsito a {port}: unos {days} días.",),
        "other_payment": ("Pago: 50% para confirmar, el resto al terminar.",),
        "other_delivery": ("Podemos empezar en {n_tiny} días.",),
        "pitch_research": (
            "Soy estudiante de {university} y escribo mi tesis sobre exportaciones de iluminación LED. ¿Me podría enviar su lista de precios?",
            "Somos una empresa de estudios de mercado y preparamos un informe sobre precios de iluminación LED en {country}.",
        ),
        "pitch_scam_story": (
            "Tenemos un contrato del gobierno para {n_big} luminarias y hemos elegido su empresa; el contrato debe registrarse antes de la firma.",
        ),
        "pitch_registration_scam": (
            'Somos un registrador de dominios en Shanghái. Una empresa solicitó registrar "{brand}" como dominio .cn y .asia; confirme si es su socio.',
        ),
        "pitch_phishing_lure": (
            "Le enviamos nuestra orden de compra, pero fue rechazada. Descárguela de nuestro servidor de documentos.",
        ),
        "pitch_platform_notice": (
            "Tiene {n_tiny} consultas sin leer de compradores verificados en {marketplace_name}. Inicie sesión para responder.",
            "Su pago está retenido. Confirme su cuenta para liberar los fondos.",
        ),
        "pitch_bank_change": (
            "Le informamos que nuestra cuenta bancaria ha cambiado por una auditoría; por favor actualice sus datos.",
            "Por favor reenvíe la factura con sus datos bancarios, nuestro departamento de contabilidad la necesita para el pago.",
        ),
        "pitch_romance": ("Hola querido, vi tu perfil y me gustaría ser tu amiga.",),
        "subject_supplier_offer": ("Proveedor de {component}", "Oferta: {component}"),
        "subject_forwarder": ("Tarifas de flete desde China",),
        "subject_trade_show": ("Invitación a la feria de iluminación",),
        "subject_directory": ("Inscripción en el directorio",),
        "subject_seo": ("Posicionamiento de su web",),
        "subject_database": ("Nuevos compradores para sus productos",),
        "subject_research": ("Consulta para un estudio de mercado", "Tesis sobre iluminación LED"),
        "subject_scam_story": ("Contrato urgente de suministro",),
        "subject_registration_scam": ("Registro del dominio {brand}",),
        "subject_phishing_lure": ("Nueva orden de compra #{number}",),
        "subject_platform_notice": ("Tiene {n_tiny} consultas sin leer", "Pago retenido"),
        "subject_bank_change": ("Cambio de datos bancarios", "Solicitud de factura"),
        "subject_romance": ("Hola querido",),
        "follow_quotation": (
            "Gracias por su cotización{doc}.",
            "Hemos revisado su oferta{doc} con nuestro equipo.",
        ),
        "follow_order": (
            "Recibimos la factura proforma{doc}, gracias.",
            "Adjuntamos nuestra orden {po} según su proforma{doc}.",
        ),
        "follow_sample": ("Las muestras{doc} llegaron hoy.", "Probamos las muestras{doc}."),
        "follow_shipment": (
            "¿Cuál es el estado de nuestro pedido{doc}?",
            "Sobre el embarque{doc}:",
        ),
        "follow_payment": (
            "Hoy pagamos el saldo de la factura{doc}, adjuntamos el comprobante.",
            "Sobre el pago{doc}:",
        ),
        "ask_quotation": (
            "¿Pueden mejorar el precio del segundo artículo?",
            "Aceptamos los precios, envíen la proforma por favor.",
        ),
        "ask_order": (
            "Por favor confirmen la fecha de entrega.",
            "Confirmamos el pedido, el anticipo va la próxima semana.",
        ),
        "ask_sample": (
            "La prueba salió bien, pronto confirmaremos el pedido.",
            "Una muestra parpadea, por favor revisen.",
        ),
        "ask_shipment": (
            "¿Cuándo estará lista la mercancía?",
            "Envíen la copia del B/L y la lista de empaque.",
        ),
        "ask_payment": (
            "Por favor confirmen la recepción.",
            "Envíen la factura comercial por favor.",
        ),
        "subject_quotation": ("Cotización{doc}", "Su oferta{doc}"),
        "subject_order": ("Pedido{doc}", "Proforma{doc}"),
        "subject_sample": ("Muestras{doc}",),
        "subject_shipment": ("Embarque{doc}",),
        "subject_payment": ("Pago{doc}", "Comprobante de pago{doc}"),
        "reference": ("Con referencia a su cotización{doc}:",),
    },
    "pt": {
        "pitch_supplier": (
            "Somos fabricantes de {component} em {supplier_city} e fornecemos para mais de {n_small} fábricas de iluminação.",
            "Aqui é {first_name} da {company_or_a}; produzimos {component} para fabricantes de luminárias LED.",
            "Olá, aqui é {first_name}: somos fábrica de {component} e atendemos várias marcas de iluminação; seguem nossas condições.",
        ),
        "seller_spec": ("Especificação: {component_spec}.",),
        "seller_price": (
            "Preço: USD {component_price} por unidade {term}.",
            "Nosso preço é {component_price} USD/peça {term}.",
        ),
        "seller_moq": ("Pedido mínimo: {component_moq} peças.", "MOQ de {component_moq} peças."),
        "seller_payment": (
            "Pagamento: 30% T/T antecipado, 70% antes do embarque.",
            "Aceitamos T/T e carta de crédito.",
        ),
        "seller_certification": ("Todos os nossos produtos têm certificação CE e RoHS.",),
        "seller_delivery": ("Prazo de entrega: {days} dias após o sinal.",),
        "offer_close": (
            "Posso enviar nossa proposta?",
            "Ficamos à disposição.",
            "Se tiver interesse, envio a lista completa.",
            "Fico à disposição para qualquer dúvida.",
        ),
        "pitch_forwarder": (
            "Somos agentes de carga em Ningbo com ótimas tarifas para {port}: 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Oferecemos consolidação e frete marítimo de Ningbo para {port}; este mês 40HQ a USD {rate_hq}, desembaraço incluso.",
            "Se precisar de transporte para {port}, temos saídas semanais: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Reserve seu estande na feira internacional de iluminação: 9 m2 por USD {booth}.",
            "Ainda temos estandes no pavilhão de iluminação da feira; o metro quadrado sai por USD {booth}. Posso reservar um?",
        ),
        "pitch_directory": (
            "Cadastre sua empresa no nosso diretório B2B de fornecedores por USD {fee} por ano.",
        ),
        "pitch_seo": (
            'Seu site não aparece na primeira página do Google para "{category_name}". Nossa equipe de SEO resolve em 30 dias.',
        ),
        "pitch_database": (
            "Oferecemos um banco de dados com {n_big} importadores verificados de iluminação.",
            "Sabemos quem compra luminárias no seu mercado: dados de importação de {n_big} importadores, atualizados todo mês.",
        ),
        "forwarder_incoterm": ("Fazemos embarques FOB, EXW e DDP.",),
        "forwarder_delivery": ("Tempo de trânsito para {port}: cerca de {days} dias.",),
        "other_payment": ("Pagamento: 50% na contratação, o restante na entrega.",),
        "other_delivery": ("Podemos começar em {n_tiny} dias.",),
        "pitch_research": (
            "Sou estudante da {university} e estou fazendo meu TCC sobre exportação de iluminação LED. Poderia me enviar sua tabela de preços?",
            "Somos uma empresa de pesquisa de mercado preparando um estudo sobre preços de iluminação LED no {country}.",
        ),
        "pitch_scam_story": (
            "Temos um contrato com o governo para {n_big} luminárias e escolhemos sua empresa; o contrato precisa ser registrado antes da assinatura.",
        ),
        "pitch_registration_scam": (
            'Somos um registrador de domínios em Xangai. Uma empresa pediu o registro de "{brand}" como domínio .cn; confirme se é seu parceiro.',
        ),
        "pitch_phishing_lure": (
            "Enviamos nosso pedido de compra, mas voltou. Baixe-o do nosso servidor de documentos.",
        ),
        "pitch_platform_notice": (
            "Você tem {n_tiny} consultas não lidas de compradores verificados no {marketplace_name}. Faça login para responder.",
            "Seu pagamento está retido. Confirme sua conta para liberar.",
        ),
        "pitch_bank_change": (
            "Informamos que nossa conta bancária mudou devido a uma auditoria; por favor atualize seus registros.",
            "Favor reenviar a fatura com seus dados bancários, nosso financeiro precisa dela para o pagamento.",
        ),
        "pitch_romance": ("Olá querido, vi seu perfil e gostaria de ser sua amiga.",),
        "subject_supplier_offer": ("Fornecedor de {component}",),
        "subject_forwarder": ("Fretes da China",),
        "subject_trade_show": ("Convite para feira de iluminação",),
        "subject_directory": ("Cadastro no diretório",),
        "subject_seo": ("Posicionamento do seu site",),
        "subject_database": ("Novos compradores para seus produtos",),
        "subject_research": ("Pesquisa de mercado", "TCC sobre iluminação LED"),
        "subject_scam_story": ("Contrato urgente de fornecimento",),
        "subject_registration_scam": ("Registro do domínio {brand}",),
        "subject_phishing_lure": ("Novo pedido de compra #{number}",),
        "subject_platform_notice": ("Você tem {n_tiny} consultas não lidas",),
        "subject_bank_change": ("Alteração de dados bancários", "Pedido de fatura"),
        "subject_romance": ("Olá querido",),
        "follow_quotation": (
            "Obrigado pela cotação{doc}.",
            "Analisamos sua proposta{doc} com a equipe.",
        ),
        "follow_order": (
            "Recebemos a fatura proforma{doc}, obrigado.",
            "Segue nosso pedido {po} conforme sua proforma{doc}.",
        ),
        "follow_sample": ("As amostras{doc} chegaram hoje.", "Testamos as amostras{doc}."),
        "follow_shipment": ("Qual a situação do nosso pedido{doc}?", "Sobre o embarque{doc}:"),
        "follow_payment": (
            "Pagamos hoje o saldo da fatura{doc}, segue o comprovante.",
            "Sobre o pagamento{doc}:",
        ),
        "ask_quotation": (
            "Podem melhorar o preço do segundo item?",
            "Aceitamos os preços, favor enviar a proforma.",
        ),
        "ask_order": (
            "Favor confirmar a data de entrega.",
            "Confirmamos o pedido, o sinal sai na próxima semana.",
        ),
        "ask_sample": (
            "O teste foi aprovado, vamos confirmar o pedido em breve.",
            "Uma amostra está piscando, favor verificar.",
        ),
        "ask_shipment": (
            "Quando a mercadoria estará pronta?",
            "Favor enviar a cópia do B/L e o packing list.",
        ),
        "ask_payment": ("Favor confirmar o recebimento.", "Favor enviar a fatura comercial."),
        "subject_quotation": ("Cotação{doc}",),
        "subject_order": ("Pedido{doc}", "Proforma{doc}"),
        "subject_sample": ("Amostras{doc}",),
        "subject_shipment": ("Embarque{doc}",),
        "subject_payment": ("Pagamento{doc}", "Comprovante{doc}"),
        "reference": ("Com referência à sua cotação{doc}:",),
    },
    "fr": {
        "pitch_supplier": (
            "Nous sommes fabricant de {component} à {supplier_city} et fournissons plus de {n_small} usines d'éclairage.",
            "Je suis {first_name} de {company_or_a} ; nous produisons des {component} pour les fabricants de luminaires LED.",
            "Bonjour, je suis {first_name} : notre usine fabrique des {component} pour plusieurs marques d'éclairage ; voici nos conditions.",
        ),
        "seller_spec": ("Spécification : {component_spec}.",),
        "seller_price": (
            "Prix : USD {component_price} l'unité {term}.",
            "Notre prix est de {component_price} USD/pièce {term}.",
        ),
        "seller_moq": (
            "Quantité minimale : {component_moq} pièces.",
            "MOQ : {component_moq} pièces.",
        ),
        "seller_payment": (
            "Paiement : 30 % T/T à la commande, 70 % avant expédition.",
            "Nous acceptons le T/T et la lettre de crédit.",
        ),
        "seller_certification": ("Tous nos produits sont certifiés CE et RoHS.",),
        "seller_delivery": ("Délai de livraison : {days} jours après acompte.",),
        "offer_close": (
            "Puis-je vous envoyer notre offre ?",
            "Nous restons à votre disposition.",
            "Si cela vous intéresse, je vous envoie la liste complète.",
            "Je reste à votre disposition.",
        ),
        "pitch_forwarder": (
            "Nous sommes transitaire à Ningbo avec de bons tarifs vers {port} : 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Nous proposons le groupage et le fret maritime de Ningbo vers {port} ; ce mois-ci 40HQ à USD {rate_hq}, dédouanement compris.",
            "Pour vos envois vers {port}, départs chaque semaine : 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Réservez votre stand au salon international de l'éclairage : 9 m2 pour USD {booth}.",
            "Il reste des stands dans le pavillon éclairage du salon ; le m2 est à USD {booth}. Je vous en réserve un ?",
        ),
        "pitch_directory": (
            "Inscrivez votre société dans notre annuaire B2B des fournisseurs pour USD {fee} par an.",
        ),
        "pitch_seo": (
            "Votre site n'est pas en première page de Google pour \"{category_name}\". Notre équipe SEO s'en occupe en 30 jours.",
        ),
        "pitch_database": (
            "Nous proposons une base de {n_big} importateurs vérifiés de produits d'éclairage.",
            "Nous savons qui achète de l'éclairage sur votre marché : les données douanières de {n_big} importateurs, mises à jour chaque mois.",
        ),
        "forwarder_incoterm": ("Nous traitons les envois FOB, EXW et DDP.",),
        "forwarder_delivery": ("Temps de transit vers {port} : environ {days} jours.",),
        "other_payment": ("Paiement : 50 % à la commande, le solde à la fin.",),
        "other_delivery": ("Nous pouvons commencer sous {n_tiny} jours.",),
        "pitch_research": (
            "Je suis étudiant à {university} et je rédige mon mémoire sur l'export d'éclairage LED. Pourriez-vous m'envoyer vos prix ?",
            "Nous sommes un cabinet d'études de marché et préparons une étude sur les prix de l'éclairage LED en {country}.",
        ),
        "pitch_scam_story": (
            "Nous avons un marché public pour {n_big} luminaires et avons choisi votre société ; le contrat doit être enregistré avant signature.",
        ),
        "pitch_registration_scam": (
            "Nous sommes un bureau d'enregistrement de domaines à Shanghai. Une société a demandé \"{brand}\" en .cn ; merci de confirmer s'il s'agit de votre partenaire.",
        ),
        "pitch_phishing_lure": (
            "Notre bon de commande vous a été renvoyé. Téléchargez-le sur notre serveur de documents.",
        ),
        "pitch_platform_notice": (
            "Vous avez {n_tiny} demandes non lues d'acheteurs vérifiés sur {marketplace_name}. Connectez-vous pour répondre.",
            "Votre paiement est bloqué. Confirmez votre compte pour le débloquer.",
        ),
        "pitch_bank_change": (
            "Veuillez noter que notre compte bancaire a changé suite à un audit ; merci de mettre à jour vos données.",
            "Merci de nous renvoyer la facture avec vos coordonnées bancaires, notre comptabilité en a besoin pour le paiement.",
        ),
        "pitch_romance": (
            "Bonjour mon cher, j'ai vu votre profil et j'aimerais devenir votre amie.",
        ),
        "subject_supplier_offer": ("Fournisseur de {component}",),
        "subject_forwarder": ("Tarifs de fret depuis la Chine",),
        "subject_trade_show": ("Invitation au salon de l'éclairage",),
        "subject_directory": ("Inscription à l'annuaire",),
        "subject_seo": ("Référencement de votre site",),
        "subject_database": ("Nouveaux acheteurs pour vos produits",),
        "subject_research": ("Étude de marché", "Mémoire sur l'éclairage LED"),
        "subject_scam_story": ("Contrat urgent",),
        "subject_registration_scam": ("Enregistrement du domaine {brand}",),
        "subject_phishing_lure": ("Nouveau bon de commande #{number}",),
        "subject_platform_notice": ("Vous avez {n_tiny} demandes non lues",),
        "subject_bank_change": ("Changement de coordonnées bancaires", "Demande de facture"),
        "subject_romance": ("Bonjour mon cher",),
        "follow_quotation": (
            "Merci pour votre devis{doc}.",
            "Nous avons étudié votre offre{doc} avec l'équipe.",
        ),
        "follow_order": (
            "Nous avons bien reçu la facture proforma{doc}, merci.",
            "Veuillez trouver notre commande {po} selon votre proforma{doc}.",
        ),
        "follow_sample": (
            "Les échantillons{doc} sont arrivés aujourd'hui.",
            "Nous avons testé les échantillons{doc}.",
        ),
        "follow_shipment": ("Où en est notre commande{doc} ?", "Concernant l'expédition{doc} :"),
        "follow_payment": (
            "Nous avons réglé le solde de la facture{doc} aujourd'hui, ci-joint l'avis de virement.",
            "Concernant le paiement{doc} :",
        ),
        "ask_quotation": (
            "Pouvez-vous améliorer le prix du deuxième article ?",
            "Nous acceptons les prix, merci d'envoyer la proforma.",
        ),
        "ask_order": (
            "Merci de confirmer la date de livraison.",
            "Nous confirmons la commande, l'acompte suit la semaine prochaine.",
        ),
        "ask_sample": (
            "Le test est concluant, nous confirmerons bientôt la commande.",
            "Un échantillon scintille, merci de vérifier.",
        ),
        "ask_shipment": (
            "Quand la marchandise sera-t-elle prête ?",
            "Merci d'envoyer la copie du B/L et la liste de colisage.",
        ),
        "ask_payment": (
            "Merci de confirmer la réception.",
            "Merci d'envoyer la facture commerciale.",
        ),
        "subject_quotation": ("Devis{doc}",),
        "subject_order": ("Commande{doc}", "Proforma{doc}"),
        "subject_sample": ("Échantillons{doc}",),
        "subject_shipment": ("Expédition{doc}",),
        "subject_payment": ("Paiement{doc}", "Avis de virement{doc}"),
        "reference": ("Suite à votre devis{doc} :",),
    },
    "de": {
        "pitch_supplier": (
            "Wir sind Hersteller von {component} in {supplier_city} und beliefern über {n_small} Leuchtenfabriken.",
            "Hier schreibt {first_name} von {company_or_a}; wir produzieren {component} für LED-Leuchtenhersteller.",
            "Guten Tag, hier ist {first_name}: Unsere Fabrik fertigt {component} für mehrere Leuchtenmarken; anbei unsere Konditionen.",
        ),
        "seller_spec": ("Spezifikation: {component_spec}.",),
        "seller_price": (
            "Preis: USD {component_price} pro Stück {term}.",
            "Unser Preis beträgt {component_price} USD/Stk. {term}.",
        ),
        "seller_moq": (
            "Mindestbestellmenge: {component_moq} Stück.",
            "MOQ {component_moq} Stück, gemischte Modelle möglich.",
        ),
        "seller_payment": (
            "Zahlung: 30 % Anzahlung per T/T, 70 % vor Versand.",
            "Wir akzeptieren T/T und Akkreditiv.",
        ),
        "seller_certification": ("Alle unsere Produkte sind CE- und RoHS-zertifiziert.",),
        "seller_delivery": ("Lieferzeit: {days} Tage nach Anzahlung.",),
        "offer_close": (
            "Darf ich Ihnen unser Angebot senden?",
            "Wir freuen uns auf Ihre Anfrage.",
            "Bei Interesse sende ich Ihnen die vollständige Liste.",
            "Für Fragen stehe ich gern zur Verfügung.",
        ),
        "pitch_forwarder": (
            "Wir sind Spediteur in Ningbo mit guten Raten nach {port}: 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Wir bieten Sammelcontainer und Seefracht ab Ningbo nach {port}; diesen Monat 40HQ für USD {rate_hq} inkl. Verzollung.",
            "Für Sendungen nach {port} haben wir wöchentliche Abfahrten: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Buchen Sie Ihren Stand auf der internationalen Lichtmesse: 9 m2 für USD {booth}.",
            "Im Lichtpavillon der Messe sind noch Stände frei; der Quadratmeter kostet USD {booth}. Soll ich einen reservieren?",
        ),
        "pitch_directory": (
            "Tragen Sie Ihre Firma in unser B2B-Lieferantenverzeichnis ein, für USD {fee} im Jahr.",
        ),
        "pitch_seo": (
            'Ihre Website steht bei Google für "{category_name}" nicht auf Seite eins. Unser SEO-Team ändert das in 30 Tagen.',
        ),
        "pitch_database": (
            "Wir bieten eine Datenbank mit {n_big} geprüften Importeuren von Leuchten.",
            "Wir wissen, wer in Ihrem Markt Leuchten kauft: Zolldaten von {n_big} Importeuren, monatlich aktualisiert.",
        ),
        "forwarder_incoterm": ("Wir übernehmen FOB-, EXW- und DDP-Sendungen.",),
        "forwarder_delivery": ("Transitzeit nach {port}: etwa {days} Tage.",),
        "other_payment": ("Zahlung: 50 % bei Auftrag, Rest nach Abschluss.",),
        "other_delivery": ("Wir können in {n_tiny} Tagen starten.",),
        "pitch_research": (
            "Ich studiere an der {university} und schreibe meine Abschlussarbeit über den Export von LED-Leuchten. Könnten Sie mir Ihre Preisliste schicken?",
            "Wir sind ein Marktforschungsinstitut und erstellen eine Studie über LED-Preise in {country}.",
        ),
        "pitch_scam_story": (
            "Wir haben einen Regierungsauftrag über {n_big} Leuchten und haben Ihre Firma ausgewählt; der Vertrag muss vor der Unterzeichnung registriert werden.",
        ),
        "pitch_registration_scam": (
            'Wir sind eine Domain-Registrierungsstelle in Shanghai. Eine Firma möchte "{brand}" als .cn-Domain registrieren; bitte bestätigen Sie, ob sie Ihr Partner ist.',
        ),
        "pitch_phishing_lure": (
            "Unsere Bestellung kam als unzustellbar zurück. Bitte laden Sie sie von unserem Dokumentenserver herunter.",
        ),
        "pitch_platform_notice": (
            "Sie haben {n_tiny} ungelesene Anfragen geprüfter Käufer auf {marketplace_name}. Melden Sie sich an, um zu antworten.",
            "Ihre Zahlung wurde zurückgehalten. Bestätigen Sie Ihr Konto, um sie freizugeben.",
        ),
        "pitch_bank_change": (
            "Bitte beachten Sie, dass sich unsere Bankverbindung wegen einer Prüfung geändert hat; bitte aktualisieren Sie Ihre Daten.",
            "Bitte senden Sie die Rechnung mit Ihrer Bankverbindung erneut, unsere Buchhaltung braucht sie für die Zahlung.",
        ),
        "pitch_romance": (
            "Hallo mein Lieber, ich habe dein Profil gesehen und möchte deine Freundin sein.",
        ),
        "subject_supplier_offer": ("Lieferant für {component}",),
        "subject_forwarder": ("Frachtraten ab China",),
        "subject_trade_show": ("Einladung zur Lichtmesse",),
        "subject_directory": ("Eintrag im Firmenverzeichnis",),
        "subject_seo": ("Ihr Google-Ranking",),
        "subject_database": ("Neue Käufer für Ihre Produkte",),
        "subject_research": ("Marktstudie LED-Beleuchtung", "Anfrage für meine Abschlussarbeit"),
        "subject_scam_story": ("Dringender Liefervertrag",),
        "subject_registration_scam": ("Registrierung der Domain {brand}",),
        "subject_phishing_lure": ("Neue Bestellung #{number}",),
        "subject_platform_notice": ("Sie haben {n_tiny} ungelesene Anfragen",),
        "subject_bank_change": ("Änderung der Bankverbindung", "Rechnung erneut senden"),
        "subject_romance": ("Hallo mein Lieber",),
        "follow_quotation": (
            "Vielen Dank für Ihr Angebot{doc}.",
            "Wir haben Ihr Angebot{doc} im Team geprüft.",
        ),
        "follow_order": (
            "Wir haben die Proforma-Rechnung{doc} erhalten, danke.",
            "Anbei unsere Bestellung {po} zu Ihrer Proforma{doc}.",
        ),
        "follow_sample": (
            "Die Muster{doc} sind heute angekommen.",
            "Wir haben die Muster{doc} getestet.",
        ),
        "follow_shipment": ("Wie ist der Stand unserer Bestellung{doc}?", "Zur Verschiffung{doc}:"),
        "follow_payment": (
            "Wir haben heute den Restbetrag der Rechnung{doc} überwiesen, der Beleg ist anbei.",
            "Zur Zahlung{doc}:",
        ),
        "ask_quotation": (
            "Können Sie beim zweiten Artikel noch etwas im Preis machen?",
            "Wir akzeptieren die Preise, bitte senden Sie die Proforma.",
        ),
        "ask_order": (
            "Bitte bestätigen Sie den Liefertermin.",
            "Wir bestätigen den Auftrag, die Anzahlung folgt nächste Woche.",
        ),
        "ask_sample": (
            "Der Test war erfolgreich, wir bestätigen bald den Auftrag.",
            "Ein Muster flackert, bitte prüfen.",
        ),
        "ask_shipment": (
            "Wann ist die Ware fertig?",
            "Bitte senden Sie die B/L-Kopie und die Packliste.",
        ),
        "ask_payment": (
            "Bitte bestätigen Sie den Eingang.",
            "Bitte senden Sie die Handelsrechnung.",
        ),
        "subject_quotation": ("Angebot{doc}",),
        "subject_order": ("Bestellung{doc}", "Proforma{doc}"),
        "subject_sample": ("Muster{doc}",),
        "subject_shipment": ("Verschiffung{doc}",),
        "subject_payment": ("Zahlung{doc}", "Zahlungsbeleg{doc}"),
        "reference": ("Bezugnehmend auf Ihr Angebot{doc}:",),
    },
    "it": {
        "pitch_supplier": (
            "Siamo produttori di {component} a {supplier_city} e forniamo oltre {n_small} fabbriche di illuminazione.",
            "Sono {first_name} di {company_or_a}; produciamo {component} per produttori di apparecchi LED.",
            "Buongiorno, sono {first_name}: la nostra fabbrica produce {component} per diversi marchi di illuminazione; ecco le nostre condizioni.",
        ),
        "seller_spec": ("Specifiche: {component_spec}.",),
        "seller_price": (
            "Prezzo: USD {component_price} al pezzo {term}.",
            "Il nostro prezzo è {component_price} USD/pz {term}.",
        ),
        "seller_moq": ("Quantità minima: {component_moq} pezzi.", "MOQ {component_moq} pezzi."),
        "seller_payment": (
            "Pagamento: 30% T/T anticipato, 70% prima della spedizione.",
            "Accettiamo T/T e lettera di credito.",
        ),
        "seller_certification": ("Tutti i nostri prodotti sono certificati CE e RoHS.",),
        "seller_delivery": ("Tempi di consegna: {days} giorni dall'acconto.",),
        "offer_close": (
            "Posso inviarvi la nostra offerta?",
            "Restiamo a disposizione.",
            "Se interessati, vi invio la lista completa.",
            "Resto a disposizione per qualsiasi domanda.",
        ),
        "pitch_forwarder": (
            "Siamo spedizionieri a Ningbo con ottime tariffe per {port}: 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Offriamo groupage e nolo marittimo da Ningbo a {port}; questo mese 40HQ a USD {rate_hq}, sdoganamento incluso.",
            "Per spedizioni verso {port} abbiamo partenze settimanali: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Prenotate il vostro stand alla fiera internazionale dell'illuminazione: 9 m2 a USD {booth}.",
            "Ci sono ancora stand liberi nel padiglione illuminazione della fiera; il metro quadro costa USD {booth}. Ve ne riservo uno?",
        ),
        "pitch_directory": (
            "Inserite la vostra azienda nella nostra directory B2B dei fornitori per USD {fee} all'anno.",
        ),
        "pitch_seo": (
            'Il vostro sito non è in prima pagina su Google per "{category_name}". Il nostro team SEO lo porta lì in 30 giorni.',
        ),
        "pitch_database": (
            "Offriamo un database di {n_big} importatori verificati di illuminazione.",
            "Sappiamo chi compra illuminazione nel vostro mercato: dati doganali di {n_big} importatori, aggiornati ogni mese.",
        ),
        "forwarder_incoterm": ("Gestiamo spedizioni FOB, EXW e DDP.",),
        "forwarder_delivery": ("Tempo di transito per {port}: circa {days} giorni.",),
        "other_payment": ("Pagamento: 50% alla conferma, saldo a fine lavoro.",),
        "other_delivery": ("Possiamo iniziare entro {n_tiny} giorni.",),
        "pitch_research": (
            "Sono uno studente di {university} e scrivo la tesi sull'export di illuminazione LED. Potreste inviarmi il listino prezzi?",
            "Siamo una società di ricerche di mercato e prepariamo uno studio sui prezzi dell'illuminazione LED in {country}.",
        ),
        "pitch_scam_story": (
            "Abbiamo un appalto governativo per {n_big} lampioni e abbiamo scelto la vostra azienda; il contratto va registrato prima della firma.",
        ),
        "pitch_registration_scam": (
            'Siamo un registrar di domini a Shanghai. Un\'azienda ha chiesto di registrare "{brand}" come dominio .cn; confermate se è un vostro partner.',
        ),
        "pitch_phishing_lure": (
            "Il nostro ordine di acquisto vi è tornato indietro. Scaricatelo dal nostro server documenti.",
        ),
        "pitch_platform_notice": (
            "Avete {n_tiny} richieste non lette di acquirenti verificati su {marketplace_name}. Accedete per rispondere.",
            "Il vostro pagamento è in sospeso. Confermate il vostro account per sbloccarlo.",
        ),
        "pitch_bank_change": (
            "Vi informiamo che il nostro conto bancario è cambiato per una verifica; aggiornate i vostri dati.",
            "Vi preghiamo di reinviare la fattura con le vostre coordinate bancarie, la nostra contabilità ne ha bisogno per il pagamento.",
        ),
        "pitch_romance": ("Ciao caro, ho visto il tuo profilo e vorrei essere tua amica.",),
        "subject_supplier_offer": ("Fornitore di {component}",),
        "subject_forwarder": ("Tariffe di trasporto dalla Cina",),
        "subject_trade_show": ("Invito alla fiera dell'illuminazione",),
        "subject_directory": ("Iscrizione alla directory",),
        "subject_seo": ("Il posizionamento del vostro sito",),
        "subject_database": ("Nuovi acquirenti per i vostri prodotti",),
        "subject_research": ("Ricerca di mercato", "Tesi sull'illuminazione LED"),
        "subject_scam_story": ("Contratto di fornitura urgente",),
        "subject_registration_scam": ("Registrazione del dominio {brand}",),
        "subject_phishing_lure": ("Nuovo ordine di acquisto #{number}",),
        "subject_platform_notice": ("Avete {n_tiny} richieste non lette",),
        "subject_bank_change": ("Variazione coordinate bancarie", "Richiesta fattura"),
        "subject_romance": ("Ciao caro",),
        "follow_quotation": (
            "Grazie per il vostro preventivo{doc}.",
            "Abbiamo esaminato la vostra offerta{doc} con il team.",
        ),
        "follow_order": (
            "Abbiamo ricevuto la proforma{doc}, grazie.",
            "In allegato il nostro ordine {po} sulla vostra proforma{doc}.",
        ),
        "follow_sample": (
            "I campioni{doc} sono arrivati oggi.",
            "Abbiamo testato i campioni{doc}.",
        ),
        "follow_shipment": (
            "A che punto è il nostro ordine{doc}?",
            "Riguardo alla spedizione{doc}:",
        ),
        "follow_payment": (
            "Oggi abbiamo pagato il saldo della fattura{doc}, in allegato la contabile.",
            "Riguardo al pagamento{doc}:",
        ),
        "ask_quotation": (
            "Potete migliorare il prezzo del secondo articolo?",
            "Accettiamo i prezzi, inviateci la proforma.",
        ),
        "ask_order": (
            "Confermate la data di consegna, per favore.",
            "Confermiamo l'ordine, l'acconto la prossima settimana.",
        ),
        "ask_sample": (
            "Il test è andato bene, confermeremo presto l'ordine.",
            "Un campione sfarfalla, controllate per favore.",
        ),
        "ask_shipment": (
            "Quando sarà pronta la merce?",
            "Inviateci la copia della B/L e la packing list.",
        ),
        "ask_payment": (
            "Confermate la ricezione, per favore.",
            "Inviateci la fattura commerciale.",
        ),
        "subject_quotation": ("Preventivo{doc}",),
        "subject_order": ("Ordine{doc}", "Proforma{doc}"),
        "subject_sample": ("Campioni{doc}",),
        "subject_shipment": ("Spedizione{doc}",),
        "subject_payment": ("Pagamento{doc}", "Contabile{doc}"),
        "reference": ("Con riferimento al vostro preventivo{doc}:",),
    },
    "ru": {
        "pitch_supplier": (
            "Мы производим {component} в городе {supplier_city} и поставляем более чем {n_small} светотехническим заводам.",
            "Меня зовут {first_name}, компания {company_or_a}; мы выпускаем {component} для производителей светодиодных светильников.",
            "Добрый день, это {first_name}: наш завод выпускает {component} для нескольких светотехнических брендов; ниже наши условия.",
        ),
        "seller_spec": ("Характеристики: {component_spec}.",),
        "seller_price": (
            "Цена: USD {component_price} за шт. {term}.",
            "Наша цена {component_price} USD/шт {term}.",
        ),
        "seller_moq": ("Минимальный заказ: {component_moq} шт.", "MOQ {component_moq} шт."),
        "seller_payment": (
            "Оплата: 30% предоплата T/T, 70% перед отгрузкой.",
            "Принимаем T/T и аккредитив.",
        ),
        "seller_certification": ("Вся продукция сертифицирована CE и RoHS.",),
        "seller_delivery": ("Срок поставки: {days} дней после предоплаты.",),
        "offer_close": (
            "Можно выслать вам наше предложение?",
            "Будем рады сотрудничеству.",
            "Если интересно, вышлю полный список.",
            "Готов ответить на любые вопросы.",
        ),
        "pitch_forwarder": (
            "Мы экспедитор в Нинбо с хорошими ставками до {port}: 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Предлагаем сборные грузы и морскую доставку из Нинбо до {port}; в этом месяце 40HQ за USD {rate_hq}, растаможка включена.",
            "Если нужна доставка до {port}, у нас еженедельные отправки: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Забронируйте стенд на международной светотехнической выставке: 9 м2 за USD {booth}.",
            "В светотехническом павильоне выставки ещё есть свободные стенды; квадратный метр стоит USD {booth}. Забронировать для вас?",
        ),
        "pitch_directory": (
            "Разместите вашу компанию в нашем B2B-каталоге поставщиков за USD {fee} в год.",
        ),
        "pitch_seo": (
            'Ваш сайт не на первой странице Google по запросу "{category_name}". Наша SEO-команда исправит это за 30 дней.',
        ),
        "pitch_database": (
            "Предлагаем базу из {n_big} проверенных импортёров светотехники.",
            "Мы знаем, кто покупает светильники на вашем рынке: таможенные данные по {n_big} импортёрам, обновляются каждый месяц.",
        ),
        "forwarder_incoterm": ("Работаем с отправками FOB, EXW и DDP.",),
        "forwarder_delivery": ("Транзитное время до {port}: около {days} дней.",),
        "other_payment": ("Оплата: 50% при заказе, остаток по завершении.",),
        "other_delivery": ("Можем начать через {n_tiny} дней.",),
        "pitch_research": (
            "Я студент {university}, пишу диплом об экспорте светодиодного освещения. Не могли бы вы прислать прайс-лист?",
            "Мы маркетинговое агентство и готовим исследование цен на светодиодные светильники в стране {country}.",
        ),
        "pitch_scam_story": (
            "У нас государственный контракт на {n_big} светильников, и мы выбрали вашу компанию; контракт нужно зарегистрировать до подписания.",
        ),
        "pitch_registration_scam": (
            'Мы регистратор доменов в Шанхае. Компания подала заявку на домен "{brand}" в зоне .cn; подтвердите, ваш ли это партнёр.',
        ),
        "pitch_phishing_lure": (
            "Наш заказ на покупку вернулся. Скачайте его с нашего сервера документов.",
        ),
        "pitch_platform_notice": (
            "У вас {n_tiny} непрочитанных запросов от проверенных покупателей на {marketplace_name}. Войдите, чтобы ответить.",
            "Ваш платёж заблокирован. Подтвердите аккаунт, чтобы получить средства.",
        ),
        "pitch_bank_change": (
            "Сообщаем, что наши банковские реквизиты изменились после проверки; пожалуйста, обновите данные.",
            "Пожалуйста, пришлите повторно счёт с вашими банковскими реквизитами, он нужен бухгалтерии для оплаты.",
        ),
        "pitch_romance": ("Привет, дорогой, я увидела твой профиль и хочу с тобой дружить.",),
        "subject_supplier_offer": ("Поставщик {component}",),
        "subject_forwarder": ("Ставки фрахта из Китая",),
        "subject_trade_show": ("Приглашение на выставку",),
        "subject_directory": ("Размещение в каталоге",),
        "subject_seo": ("Продвижение вашего сайта",),
        "subject_database": ("Новые покупатели для вашей продукции",),
        "subject_research": ("Маркетинговое исследование", "Вопросы для диплома"),
        "subject_scam_story": ("Срочный контракт на поставку",),
        "subject_registration_scam": ("Регистрация домена {brand}",),
        "subject_phishing_lure": ("Новый заказ #{number}",),
        "subject_platform_notice": ("У вас {n_tiny} непрочитанных запросов",),
        "subject_bank_change": ("Изменение реквизитов", "Запрос счёта"),
        "subject_romance": ("Привет, дорогой",),
        "follow_quotation": (
            "Спасибо за ваше предложение{doc}.",
            "Мы рассмотрели ваше предложение{doc} с коллегами.",
        ),
        "follow_order": (
            "Получили проформу{doc}, спасибо.",
            "Направляем наш заказ {po} по вашей проформе{doc}.",
        ),
        "follow_sample": ("Образцы{doc} сегодня пришли.", "Мы протестировали образцы{doc}."),
        "follow_shipment": ("Каков статус нашего заказа{doc}?", "По отгрузке{doc}:"),
        "follow_payment": (
            "Сегодня оплатили остаток по счёту{doc}, платёжка во вложении.",
            "По оплате{doc}:",
        ),
        "ask_quotation": (
            "Можете снизить цену на вторую позицию?",
            "Цены принимаем, пришлите проформу.",
        ),
        "ask_order": (
            "Подтвердите, пожалуйста, дату поставки.",
            "Подтверждаем заказ, предоплата на следующей неделе.",
        ),
        "ask_sample": (
            "Тест прошёл успешно, скоро подтвердим заказ.",
            "Один образец мерцает, проверьте, пожалуйста.",
        ),
        "ask_shipment": (
            "Когда будет готов товар?",
            "Пришлите копию коносамента и упаковочный лист.",
        ),
        "ask_payment": ("Подтвердите, пожалуйста, получение.", "Пришлите коммерческий инвойс."),
        "subject_quotation": ("Предложение{doc}",),
        "subject_order": ("Заказ{doc}", "Проформа{doc}"),
        "subject_sample": ("Образцы{doc}",),
        "subject_shipment": ("Отгрузка{doc}",),
        "subject_payment": ("Оплата{doc}", "Платёжное поручение{doc}"),
        "reference": ("Ссылаясь на ваше предложение{doc}:",),
    },
    "tr": {
        "pitch_supplier": (
            "{supplier_city} şehrinde {component} üreticisiyiz ve {n_small} aydınlatma fabrikasına tedarik yapıyoruz.",
            "Ben {company_or_a} firmasından {first_name}; LED armatür üreticileri için {component} üretiyoruz.",
            "Merhaba, ben {first_name}: fabrikamız birçok aydınlatma markası için {component} üretiyor; şartlarımız aşağıda.",
        ),
        "seller_spec": ("Teknik özellikler: {component_spec}.",),
        "seller_price": (
            "Fiyat: adet başı USD {component_price} {term}.",
            "Fiyatımız {component_price} USD/adet {term}.",
        ),
        "seller_moq": ("Minimum sipariş: {component_moq} adet.", "MOQ {component_moq} adet."),
        "seller_payment": (
            "Ödeme: %30 peşin T/T, %70 yüklemeden önce.",
            "T/T ve akreditif kabul ediyoruz.",
        ),
        "seller_certification": ("Tüm ürünlerimiz CE ve RoHS sertifikalıdır.",),
        "seller_delivery": ("Teslim süresi: avanstan sonra {days} gün.",),
        "offer_close": (
            "Teklifimizi gönderebilir miyim?",
            "İş birliği için hazırız.",
            "İlgilenirseniz tam listeyi gönderebilirim.",
            "Her türlü sorunuz için buradayım.",
        ),
        "pitch_forwarder": (
            "Ningbo'da nakliye firmasıyız, {port} için iyi fiyatlarımız var: 20GP USD {rate}, 40HQ USD {rate_hq}.",
            "Ningbo'dan {port} limanına parsiyel ve deniz yolu taşımacılığı sunuyoruz; bu ay 40HQ USD {rate_hq}, gümrükleme dahil.",
            "{port} için her hafta çıkışımız var: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "Uluslararası aydınlatma fuarında standınızı ayırtın: 9 m2 stand USD {booth}.",
            "Fuarın aydınlatma holünde hâlâ boş stand var; metrekaresi USD {booth}. Sizin için bir tane ayırayım mı?",
        ),
        "pitch_directory": (
            "Firmanızı B2B tedarikçi rehberimize yılda USD {fee} karşılığında ekleyin.",
        ),
        "pitch_seo": (
            'Web siteniz "{category_name}" aramasında Google ilk sayfada değil. SEO ekibimiz bunu 30 günde düzeltir.',
        ),
        "pitch_database": (
            "{n_big} doğrulanmış aydınlatma ithalatçısından oluşan bir veritabanı sunuyoruz.",
            "Pazarınızda kimin aydınlatma aldığını biliyoruz: {n_big} ithalatçının gümrük verileri, her ay güncellenir.",
        ),
        "forwarder_incoterm": ("FOB, EXW ve DDP sevkiyatları yapıyoruz.",),
        "forwarder_delivery": ("{port} için transit süre yaklaşık {days} gün.",),
        "other_payment": ("Ödeme: onayda %50, kalanı iş bitiminde.",),
        "other_delivery": ("{n_tiny} gün içinde başlayabiliriz.",),
        "pitch_research": (
            "{university} öğrencisiyim ve LED aydınlatma ihracatı üzerine tez yazıyorum. Fiyat listenizi gönderebilir misiniz?",
            "Bir pazar araştırması şirketiyiz ve {country} LED aydınlatma fiyatları üzerine bir çalışma hazırlıyoruz.",
        ),
        "pitch_scam_story": (
            "{n_big} armatürlük bir devlet ihalemiz var ve firmanızı seçtik; sözleşmenin imzadan önce tescil edilmesi gerekiyor.",
        ),
        "pitch_registration_scam": (
            'Şanghay\'da bir alan adı kayıt firmasıyız. Bir şirket "{brand}" adını .cn alan adı olarak kaydettirmek istiyor; ortağınız olup olmadığını teyit edin.',
        ),
        "pitch_phishing_lure": (
            "Satın alma siparişimiz geri döndü. Lütfen belge sunucumuzdan indirin.",
        ),
        "pitch_platform_notice": (
            "{marketplace_name} üzerinde doğrulanmış alıcılardan {n_tiny} okunmamış talebiniz var. Yanıtlamak için giriş yapın.",
            "Ödemeniz beklemede. Serbest bırakmak için hesabınızı onaylayın.",
        ),
        "pitch_bank_change": (
            "Bir denetim nedeniyle banka hesabımız değişmiştir; lütfen kayıtlarınızı güncelleyin.",
            "Lütfen faturayı banka bilgilerinizle tekrar gönderin, muhasebemiz ödeme için ihtiyaç duyuyor.",
        ),
        "pitch_romance": ("Merhaba canım, profilini gördüm ve arkadaşın olmak isterim.",),
        "subject_supplier_offer": ("{component} tedarikçisi",),
        "subject_forwarder": ("Çin'den navlun fiyatları",),
        "subject_trade_show": ("Aydınlatma fuarı daveti",),
        "subject_directory": ("Rehber kaydı",),
        "subject_seo": ("Web sitenizin sıralaması",),
        "subject_database": ("Ürünleriniz için yeni alıcılar",),
        "subject_research": ("Pazar araştırması", "Tez çalışması"),
        "subject_scam_story": ("Acil tedarik sözleşmesi",),
        "subject_registration_scam": ("{brand} alan adı kaydı",),
        "subject_phishing_lure": ("Yeni satın alma siparişi #{number}",),
        "subject_platform_notice": ("{n_tiny} okunmamış talebiniz var",),
        "subject_bank_change": ("Banka bilgisi değişikliği", "Fatura talebi"),
        "subject_romance": ("Merhaba canım",),
        "follow_quotation": (
            "Teklifiniz{doc} için teşekkürler.",
            "Teklifinizi{doc} ekibimizle inceledik.",
        ),
        "follow_order": (
            "Proforma faturayı{doc} aldık, teşekkürler.",
            "Proformanıza{doc} istinaden {po} numaralı siparişimiz ektedir.",
        ),
        "follow_sample": ("Numuneler{doc} bugün geldi.", "Numuneleri{doc} test ettik."),
        "follow_shipment": ("Siparişimizin{doc} durumu nedir?", "Sevkiyat{doc} hakkında:"),
        "follow_payment": (
            "Faturanın{doc} bakiyesini bugün ödedik, dekont ektedir.",
            "Ödeme{doc} hakkında:",
        ),
        "ask_quotation": (
            "İkinci üründe fiyatı biraz düşürebilir misiniz?",
            "Fiyatları kabul ediyoruz, lütfen proforma gönderin.",
        ),
        "ask_order": (
            "Lütfen teslim tarihini teyit edin.",
            "Siparişi onaylıyoruz, avans gelecek hafta.",
        ),
        "ask_sample": (
            "Test olumlu, siparişi yakında onaylayacağız.",
            "Bir numune titriyor, lütfen kontrol edin.",
        ),
        "ask_shipment": (
            "Mallar ne zaman hazır olur?",
            "Lütfen konşimento kopyasını ve çeki listesini gönderin.",
        ),
        "ask_payment": ("Lütfen alındığını teyit edin.", "Lütfen ticari faturayı gönderin."),
        "subject_quotation": ("Teklif{doc}",),
        "subject_order": ("Sipariş{doc}", "Proforma{doc}"),
        "subject_sample": ("Numune{doc}",),
        "subject_shipment": ("Sevkiyat{doc}",),
        "subject_payment": ("Ödeme{doc}", "Dekont{doc}"),
        "reference": ("Teklifinize{doc} istinaden:",),
    },
    "ar": {
        "pitch_supplier": (
            "نحن مصنعون لـ {component} في {supplier_city} ونورد لأكثر من {n_small} مصنع إنارة.",
            "معكم {first_name} من {company_or_a}؛ ننتج {component} لمصنعي وحدات الإنارة LED.",
            "مرحبا، معكم {first_name}: مصنعنا ينتج {component} لعدة علامات إنارة؛ إليكم شروطنا.",
        ),
        "seller_spec": ("المواصفات: {component_spec}.",),
        "seller_price": ("السعر: {component_price} دولار للقطعة {term}.",),
        "seller_moq": ("الحد الأدنى للطلب: {component_moq} قطعة.",),
        "seller_payment": (
            "الدفع: 30% تحويل بنكي مقدما و70% قبل الشحن.",
            "نقبل التحويل البنكي وخطاب الاعتماد.",
        ),
        "seller_certification": ("جميع منتجاتنا حاصلة على شهادات CE وRoHS.",),
        "seller_delivery": ("مدة التسليم: {days} يوما بعد الدفعة المقدمة.",),
        "offer_close": (
            "هل يمكنني إرسال عرضنا؟",
            "نتطلع إلى التعاون معكم.",
            "إذا كنتم مهتمين أرسل لكم القائمة الكاملة.",
            "في خدمتكم لأي استفسار.",
        ),
        "pitch_forwarder": (
            "نحن شركة شحن في نينغبو بأسعار جيدة إلى {port}: 20GP بـ {rate} دولار و40HQ بـ {rate_hq} دولار.",
            "نقدم الشحن البحري المجمع من نينغبو إلى {port}؛ هذا الشهر 40HQ بسعر USD {rate_hq} شامل التخليص.",
            "إذا احتجتم الشحن إلى {port} لدينا رحلات أسبوعية: 20GP USD {rate}.",
        ),
        "pitch_trade_show": (
            "احجزوا جناحكم في المعرض الدولي للإنارة: 9 م2 بـ {booth} دولار.",
            "ما زالت هناك أجنحة متاحة في قاعة الإنارة بالمعرض؛ المتر المربع بسعر USD {booth}. هل أحجز لكم جناحا؟",
        ),
        "pitch_directory": ("أدرجوا شركتكم في دليل الموردين لدينا مقابل {fee} دولار سنويا.",),
        "pitch_seo": (
            'موقعكم ليس في الصفحة الأولى في جوجل لعبارة "{category_name}". فريقنا يحل ذلك خلال 30 يوما.',
        ),
        "pitch_database": (
            "نقدم قاعدة بيانات لـ {n_big} مستورد موثق لمنتجات الإنارة.",
            "نعرف من يشتري الإنارة في سوقكم: بيانات جمركية لـ {n_big} مستورد، تحدث كل شهر.",
        ),
        "forwarder_incoterm": ("نتولى شحنات FOB وEXW وDDP.",),
        "forwarder_delivery": ("مدة العبور إلى {port} حوالي {days} يوما.",),
        "other_payment": ("الدفع: 50% عند التأكيد والباقي عند الانتهاء.",),
        "other_delivery": ("يمكننا البدء خلال {n_tiny} أيام.",),
        "pitch_research": (
            "أنا طالب في {university} وأكتب رسالتي عن تصدير إنارة LED. هل يمكنكم إرسال قائمة الأسعار؟",
            "نحن شركة أبحاث سوق نعد دراسة عن أسعار إنارة LED في {country}.",
        ),
        "pitch_scam_story": (
            "لدينا عقد حكومي لتوريد {n_big} وحدة إنارة واخترنا شركتكم؛ يجب تسجيل العقد قبل التوقيع.",
        ),
        "pitch_registration_scam": (
            'نحن جهة تسجيل نطاقات في شنغهاي. طلبت شركة تسجيل "{brand}" كنطاق .cn؛ يرجى تأكيد ما إذا كانت شريككم.',
        ),
        "pitch_phishing_lure": (
            "أعيد إلينا أمر الشراء الذي أرسلناه. يرجى تنزيله من خادم المستندات لدينا.",
        ),
        "pitch_platform_notice": (
            "لديكم {n_tiny} استفسارات غير مقروءة من مشترين موثقين على {marketplace_name}. سجلوا الدخول للرد.",
            "دفعتكم معلقة. أكدوا حسابكم لتحرير المبلغ.",
        ),
        "pitch_bank_change": (
            "نحيطكم علما بأن حسابنا البنكي قد تغير بسبب التدقيق؛ يرجى تحديث بياناتكم.",
            "يرجى إعادة إرسال الفاتورة مع بياناتكم البنكية، قسم المحاسبة يحتاجها للدفع.",
        ),
        "pitch_romance": ("مرحبا عزيزي، رأيت ملفك وأود أن أكون صديقتك.",),
        "subject_supplier_offer": ("مورد {component}",),
        "subject_forwarder": ("أسعار الشحن من الصين",),
        "subject_trade_show": ("دعوة لمعرض الإنارة",),
        "subject_directory": ("الإدراج في الدليل",),
        "subject_seo": ("ترتيب موقعكم",),
        "subject_database": ("مشترون جدد لمنتجاتكم",),
        "subject_research": ("دراسة سوق", "استفسار لرسالة جامعية"),
        "subject_scam_story": ("عقد توريد عاجل",),
        "subject_registration_scam": ("تسجيل النطاق {brand}",),
        "subject_phishing_lure": ("أمر شراء جديد #{number}",),
        "subject_platform_notice": ("لديكم {n_tiny} استفسارات غير مقروءة",),
        "subject_bank_change": ("تغيير البيانات البنكية", "طلب فاتورة"),
        "subject_romance": ("مرحبا عزيزي",),
        "follow_quotation": ("شكرا على عرض السعر{doc}.", "راجعنا عرضكم{doc} مع فريقنا."),
        "follow_order": (
            "استلمنا الفاتورة المبدئية{doc}، شكرا.",
            "مرفق أمر الشراء {po} بناء على فاتورتكم المبدئية{doc}.",
        ),
        "follow_sample": ("وصلت العينات{doc} اليوم.", "اختبرنا العينات{doc}."),
        "follow_shipment": ("ما هو وضع طلبنا{doc}؟", "بخصوص الشحنة{doc}:"),
        "follow_payment": (
            "دفعنا اليوم الرصيد المتبقي من الفاتورة{doc}، مرفق إيصال التحويل.",
            "بخصوص الدفع{doc}:",
        ),
        "ask_quotation": (
            "هل يمكنكم تحسين سعر الصنف الثاني؟",
            "نوافق على الأسعار، يرجى إرسال الفاتورة المبدئية.",
        ),
        "ask_order": ("يرجى تأكيد موعد التسليم.", "نؤكد الطلب والدفعة المقدمة الأسبوع القادم."),
        "ask_sample": ("نتيجة الاختبار جيدة وسنؤكد الطلب قريبا.", "إحدى العينات تومض، يرجى الفحص."),
        "ask_shipment": ("متى تكون البضاعة جاهزة؟", "يرجى إرسال نسخة بوليصة الشحن وقائمة التعبئة."),
        "ask_payment": ("يرجى تأكيد الاستلام.", "يرجى إرسال الفاتورة التجارية."),
        "subject_quotation": ("عرض سعر{doc}",),
        "subject_order": ("طلب{doc}", "فاتورة مبدئية{doc}"),
        "subject_sample": ("عينات{doc}",),
        "subject_shipment": ("شحنة{doc}",),
        "subject_payment": ("دفعة{doc}", "إيصال تحويل{doc}"),
        "reference": ("بالإشارة إلى عرضكم{doc}:",),
    },
    "zh": {
        "pitch_supplier": (
            "我们是{supplier_city}的{component}生产厂家,为{n_small}多家灯具厂供货。",
            "我是{company_or_a}的{first_name},我们专业生产LED灯具用{component}。",
        ),
        "seller_spec": ("规格:{component_spec}。",),
        "seller_price": ("价格:{component_price}美元/个 {term}。",),
        "seller_moq": ("起订量:{component_moq}个。",),
        "seller_payment": ("付款方式:30%定金,70%发货前付清。",),
        "seller_certification": ("我们的产品都有CE、RoHS认证。",),
        "seller_delivery": ("交货期:收到定金后{days}天。",),
        "offer_close": ("可以给您发报价吗?", "期待合作!"),
        "pitch_forwarder": (
            "我们是宁波的货代公司,到{port}运费优惠:20GP {rate}美元,40HQ {rate_hq}美元。",
        ),
        "pitch_trade_show": ("国际照明展展位预订:9平米标准展位{booth}美元。",),
        "pitch_directory": ("贵公司可加入我们的B2B供应商名录,每年{fee}美元。",),
        "pitch_seo": ("贵公司网站在谷歌搜索“{category_name}”不在首页,我们30天帮您优化。",),
        "pitch_database": ("我们提供{n_big}家灯具进口商的客户数据。",),
        "pitch_research": ("我是{university}的学生,正在写LED灯具出口的论文,能发一份价格表吗?",),
        "pitch_platform_notice": ("您在{marketplace_name}有{n_tiny}条未读询盘,请登录回复。",),
        "pitch_bank_change": (
            "因审计原因我司银行账户已变更,请更新资料。",
            "请把发票连同贵司银行资料重新发给我们。",
        ),
        "subject_supplier_offer": ("{component}供应商",),
        "subject_platform_notice": ("您有{n_tiny}条未读询盘",),
        "subject_bank_change": ("银行账户变更",),
        "follow_quotation": ("感谢您的报价{doc}。",),
        "follow_order": ("形式发票{doc}已收到,谢谢。",),
        "follow_sample": ("样品{doc}今天到了。",),
        "follow_shipment": ("我们的订单{doc}进度如何?",),
        "follow_payment": ("发票{doc}的尾款今天已付,水单见附件。",),
        "ask_quotation": ("第二项价格能再优惠点吗?",),
        "ask_order": ("请确认交货日期。",),
        "ask_sample": ("测试合格,我们很快下单。",),
        "ask_shipment": ("货什么时候能好?",),
        "ask_payment": ("收到请确认。",),
        "subject_quotation": ("报价{doc}",),
        "subject_order": ("订单{doc}",),
        "subject_payment": ("付款{doc}",),
    },
}
